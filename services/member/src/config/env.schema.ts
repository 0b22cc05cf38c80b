import { z } from 'zod';
import { serviceVariables } from '@atrium/config';
import { tierDefinitionsVariable } from '../tiers/tier-definitions';

/** The variables the member service reads (process.env is read nowhere else). */
export const memberEnvSchema = serviceVariables(3001).extend({
  /** Region assumed for phone numbers written without a country code (ISO 3166 alpha-2). */
  PHONE_DEFAULT_REGION: z
    .string()
    .default('CN')
    .refine((region) => /^[A-Z]{2}$/.test(region), { message: 'must be an ISO 3166 alpha-2 region such as CN or HK' }),
  /** First digits of every card number the centre issues (2 to 8 digits). */
  CARD_PREFIX: z.string().regex(/^\d{2,8}$/, 'must be 2 to 8 digits').default('8800'),
  /** How long a sign-up or sign-in code sent by SMS stays valid, in seconds. */
  VERIFICATION_CODE_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  /** Wrong tries one code allows before it is dead. */
  VERIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** Seconds before the same phone may ask for another code of the same purpose. */
  VERIFICATION_RESEND_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Codes one phone may be sent per hour (each costs an SMS). */
  VERIFICATION_MAX_CODES_PER_PHONE_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** Codes asked for from one client address per hour (stops one caller spraying many numbers). */
  VERIFICATION_MAX_CODES_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * The tiers, lowest first, as a JSON array of {code, zh, en, qualifyMinor, keepMinor}:
   * qualifying spend (minor units, rolling 12 months) that reaches each tier and that keeps it at
   * the yearly review. Default 普卡 basic 0, 銀卡 silver 5,000.00 (keep 3,000.00), 金卡 gold
   * 20,000.00 (keep 12,000.00), VIP vip 80,000.00 (keep 50,000.00). A contradictory ladder
   * refuses to start.
   */
  MEMBER_TIERS: tierDefinitionsVariable,
  /** When the yearly tier review runs by itself (cron, centre time zone): 00:30 on 1 January by default. */
  TIER_REVIEW_CRON: z
    .string()
    .default('30 0 1 1 *')
    .refine((cron) => /^\S+( \S+){4}$/.test(cron), { message: 'must be a cron pattern of five fields, e.g. "30 0 1 1 *"' }),
  /**
   * Seconds a job (tier review, import) stays claimed by a worker that stopped answering (killed)
   * before another worker, or the restarted one, resumes it. Workers renew their claim every half.
   */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  /** Largest CSV file POST /imports takes, in bytes. */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(52_428_800).default(5_242_880),
  /** Most data rows one import may have. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(200_000).default(50_000),
});

export type MemberConfig = z.infer<typeof memberEnvSchema>;
