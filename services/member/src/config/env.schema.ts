import { z } from 'zod';
import { serviceVariables } from '@atrium/config';

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
});

export type MemberConfig = z.infer<typeof memberEnvSchema>;
