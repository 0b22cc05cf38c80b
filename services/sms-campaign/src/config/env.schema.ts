import { z } from 'zod';
import { serviceVariables } from '@atrium/config';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The variables the sms-campaign service reads (process.env is read nowhere else). */
export const smsCampaignEnvSchema = serviceVariables(3004).extend({
  /** Twilio account SID (AC followed by 32 hex digits). */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits'),
  /** Twilio auth token: signs API calls and checks the X-Twilio-Signature of webhooks. */
  TWILIO_AUTH_TOKEN: z.string().min(16, 'must be the account auth token (at least 16 characters)'),
  /**
   * Where the Twilio SDK sends its requests instead of https://api.twilio.com: the local
   * Twilio-compatible endpoint in development and tests. Leave unset in production.
   */
  TWILIO_API_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  /** The sender of every message: an E.164 number, a short code or an alphanumeric sender id. */
  TWILIO_FROM: z.string().regex(/^(\+[1-9]\d{6,14}|\d{3,8}|[A-Za-z0-9 ]{1,11})$/, 'must be an E.164 number, a short code or a sender id of up to 11 letters and digits'),
  /**
   * Public base URL of the gateway's Twilio webhooks (e.g. https://atrium.example/api/webhooks/twilio):
   * status callbacks go to <base>/status and inbound messages to <base>/inbound, and signatures
   * are checked against exactly these URLs.
   */
  TWILIO_WEBHOOK_BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .transform((url) => url.replace(/\/+$/, '')),
  /** Messages per second the sending queue may hand to Twilio (the account's or sender's limit). */
  SMS_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
  /** Start of the marketing quiet hours in the centre's time zone (HH:MM, 24 h). */
  SMS_QUIET_HOURS_START: z.string().regex(CLOCK, 'must be HH:MM (24 h)').default('21:00'),
  /** End of the marketing quiet hours in the centre's time zone (HH:MM, 24 h). */
  SMS_QUIET_HOURS_END: z.string().regex(CLOCK, 'must be HH:MM (24 h)').default('08:00'),
  /** Most marketing messages one member receives within SMS_MARKETING_CAP_DAYS. */
  SMS_MARKETING_CAP_MESSAGES: z.coerce.number().int().min(1).max(100).default(4),
  /** Length of the frequency cap's rolling window, in days. */
  SMS_MARKETING_CAP_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** The centre's signature every marketing template must carry, e.g. 【Atrium廣場】. */
  SMS_CENTRE_SIGNATURE: z.string().min(1).max(20).default('【Atrium】'),
  /** What one SMS segment costs, in minor units of SMS_PRICE_CURRENCY (for campaign estimates and results). */
  SMS_PRICE_PER_SEGMENT_MINOR: z.coerce.number().int().min(0).default(5),
  /** ISO 4217 currency of SMS_PRICE_PER_SEGMENT_MINOR. */
  SMS_PRICE_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY').default('CNY'),
  /** Link to the member booklet, for the {{bookletLink}} template variable. */
  SMS_BOOKLET_URL: z.url().default('https://atrium.invalid/booklet'),
  /**
   * Whether this process runs the sending worker (takes messages off the queue and calls
   * Twilio): "true" (default) or "false" for replicas that only serve the API and consumers.
   */
  SMS_SENDING_WORKER: z.enum(['true', 'false'], { message: 'must be true or false' }).default('true').transform((value) => value === 'true'),
  /**
   * The language a member is written to until the member service says otherwise (registration
   * carries none; a profile update without a preferred language falls back to it too).
   */
  SMS_DEFAULT_LANGUAGE: z.enum(['zh-Hans', 'zh-Hant', 'en'], { message: 'must be zh-Hans, zh-Hant or en' }).default('zh-Hans'),
  /**
   * The tier code of a member nobody assigned a tier yet: the first (lowest) code of the member
   * service's MEMBER_TIERS. Registration puts members in it; member.tier-changed moves them.
   */
  SMS_LOWEST_TIER: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be a tier code such as basic (lower-case letters, digits, -)').default('basic'),
  /**
   * A message Twilio accepted that has had no final status (delivered, undelivered, failed) for
   * this many seconds is looked up at Twilio: its status callbacks were lost (the service was
   * down or restarting when Twilio posted them).
   */
  SMS_STATUS_CHECK_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
});

export type SmsCampaignConfig = z.infer<typeof smsCampaignEnvSchema>;
