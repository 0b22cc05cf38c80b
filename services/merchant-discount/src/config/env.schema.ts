import { z } from 'zod';
import { serviceVariables } from '@atrium/config';

/** The variables the merchant-discount service reads (process.env is read nowhere else). */
export const merchantDiscountEnvSchema = serviceVariables(3003).extend({
  /** Region assumed for tenants' contact phone numbers written without a country code (ISO 3166 alpha-2). */
  PHONE_DEFAULT_REGION: z
    .string()
    .default('CN')
    .refine((region) => /^[A-Z]{2}$/.test(region), { message: 'must be an ISO 3166 alpha-2 region such as CN or HK' }),
  /** Largest CSV file POST /tenants/imports takes, in bytes. */
  TENANT_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(1_048_576),
  /** Most data rows one tenant import may have (it runs within the request). */
  TENANT_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(5000).default(2000),
});

export type MerchantDiscountConfig = z.infer<typeof merchantDiscountEnvSchema>;
