import { z } from 'zod';
import { portVariable, serviceVariables } from '@atrium/config';
import { normalizeUsername, STAFF_USERNAME_PATTERN, STAFF_USERNAME_RULE } from '../staff/staff-username';

const DEFAULT_PORT = 8080;

function upstreamUrl(defaultUrl: string) {
  return z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .default(defaultUrl)
    .transform((url) => url.replace(/\/+$/, ''));
}

/**
 * The variables the gateway reads (process.env is read nowhere else). The gateway listens on
 * GATEWAY_PORT instead of HTTP_PORT: on one machine every service has its own HTTP_PORT, and
 * other teams' tools rely on the gateway being on 8080.
 */
export const gatewayEnvSchema = serviceVariables(DEFAULT_PORT)
  .omit({ HTTP_PORT: true })
  .extend({
    /** HTTP port of the gateway (the public edge, health and metrics). */
    GATEWAY_PORT: portVariable(DEFAULT_PORT),
    /** HMAC key for staff access tokens (HS256); at least 32 characters, the same on every replica. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    /** How long an access token is valid, in seconds. */
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    /** How long a shopper's self-service token is valid, in seconds (7 days by default; at most 90 days). */
    SHOPPER_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(7_776_000).default(604_800),
    /** Username of the first admin, created at start when no account has it (never overwritten). */
    ATRIUM_ADMIN_USERNAME: z
      .string()
      .transform(normalizeUsername)
      .refine((username) => STAFF_USERNAME_PATTERN.test(username), { message: STAFF_USERNAME_RULE }),
    /** Password of that first admin, 10 characters to 72 bytes; only used when the account is created. */
    ATRIUM_ADMIN_PASSWORD: z
      .string()
      .min(10, 'must be at least 10 characters')
      .refine((password) => Buffer.byteLength(password) <= 72, { message: 'must be at most 72 bytes (bcrypt reads no further)' }),
    /** Base URL of the member service's HTTP API. */
    MEMBER_SERVICE_URL: upstreamUrl('http://127.0.0.1:3001'),
    /** Base URL of the points service's HTTP API. */
    POINTS_SERVICE_URL: upstreamUrl('http://127.0.0.1:3002'),
    /** Base URL of the merchant-discount service's HTTP API. */
    MERCHANT_DISCOUNT_SERVICE_URL: upstreamUrl('http://127.0.0.1:3003'),
    /** Base URL of the SMS campaign service's HTTP API. */
    SMS_CAMPAIGN_SERVICE_URL: upstreamUrl('http://127.0.0.1:3004'),
    /** Base URL of the outreach service's HTTP API. */
    OUTREACH_SERVICE_URL: upstreamUrl('http://127.0.0.1:3005'),
    /**
     * Idle keep-alive connections the gateway keeps open to each service for the next forwarded
     * call. Not a cap on calls in flight: a burst opens as many connections as it needs, and
     * those beyond this number are closed once idle.
     */
    UPSTREAM_IDLE_SOCKETS: z.coerce.number().int().min(1).max(1024).default(64),
    /**
     * Proxies in front of the gateway whose X-Forwarded-For to believe (1 behind one ingress or
     * load balancer); 0 believes none. Per-address login limits count the address this yields.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Failed logins for one username within the window before further attempts are refused. */
    LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(10),
    /** Failed logins from one client address within the window before further attempts are refused. */
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    /** Length of the failed-login window in seconds, counted from the first failure. */
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    /** Requests one till API key may make per window (POST /api/pos/...); the next waits for the window to end. */
    POS_RATE_LIMIT_REQUESTS: z.coerce.number().int().min(1).default(120),
    /** Length of a till key's request window in seconds, counted from its first request. */
    POS_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** Most sales or refunds in one till batch; a larger batch is refused whole. */
    POS_MAX_BATCH_ITEMS: z.coerce.number().int().min(1).max(1000).default(100),
  });

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;
