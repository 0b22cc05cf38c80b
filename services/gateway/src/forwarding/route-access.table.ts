import type { RouteAccessRule } from './route-access.rule';
import { MEMBER_ROUTES } from './routes/member.routes';
import { MERCHANT_DISCOUNT_ROUTES } from './routes/merchant-discount.routes';
import { OUTREACH_ROUTES } from './routes/outreach.routes';
import { POINTS_ROUTES } from './routes/points.routes';
import { SMS_CAMPAIGN_ROUTES } from './routes/sms-campaign.routes';

export type { HttpMethod, RouteAccessRule } from './route-access.rule';

/**
 * Which roles may call which forwarded routes. Anything not listed is refused (admins excepted:
 * they may call every route of every service), and `finance` never gets more than reads,
 * whatever a line says. Each service's lines live in `routes/<service>.routes.ts`: add a line
 * there when a service grows a route staff should reach.
 */
export const ROUTE_ACCESS_TABLE: readonly RouteAccessRule[] = [
  ...MEMBER_ROUTES,
  ...POINTS_ROUTES,
  ...MERCHANT_DISCOUNT_ROUTES,
  ...SMS_CAMPAIGN_ROUTES,
  ...OUTREACH_ROUTES,
];
