import { z } from 'zod';
import { serviceVariables } from '@atrium/config';

/** The variables the outreach service reads (process.env is read nowhere else). */
export const outreachEnvSchema = serviceVariables(3005).extend({
  /** Region assumed for contact persons' phone numbers written without a country code (ISO 3166 alpha-2). */
  PHONE_DEFAULT_REGION: z
    .string()
    .default('CN')
    .refine((region) => /^[A-Z]{2}$/.test(region), { message: 'must be an ISO 3166 alpha-2 region such as CN or HK' }),
});

export type OutreachConfig = z.infer<typeof outreachEnvSchema>;
