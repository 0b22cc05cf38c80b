import type { GatewayConfig } from '../config/env.schema';

/** The services behind the gateway, by the name that follows /api/ in a URL. */
export const UPSTREAM_SERVICES = ['member', 'points', 'merchant-discount', 'sms-campaign', 'outreach'] as const;

export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

export type UpstreamUrls = Readonly<Record<UpstreamService, string>>;

export const UPSTREAM_URLS = Symbol('UPSTREAM_URLS');

export function isUpstreamService(name: string): name is UpstreamService {
  return (UPSTREAM_SERVICES as readonly string[]).includes(name);
}

export function upstreamUrlsOf(config: GatewayConfig): UpstreamUrls {
  return {
    member: config.MEMBER_SERVICE_URL,
    points: config.POINTS_SERVICE_URL,
    'merchant-discount': config.MERCHANT_DISCOUNT_SERVICE_URL,
    'sms-campaign': config.SMS_CAMPAIGN_SERVICE_URL,
    outreach: config.OUTREACH_SERVICE_URL,
  };
}
