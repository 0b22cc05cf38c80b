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
});

export type MemberConfig = z.infer<typeof memberEnvSchema>;
