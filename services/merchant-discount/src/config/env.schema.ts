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
  /** The member programme's tier codes, comma-separated: the tiers agreements' offers may name. */
  MEMBER_TIER_CODES: z
    .string()
    .default('basic,silver,gold,vip')
    .transform((list) => list.split(',').map((code) => code.trim()))
    .refine((codes) => codes.every((code) => /^[a-z][a-z0-9-]{0,31}$/.test(code)) && new Set(codes).size === codes.length, {
      message: 'must be distinct tier codes (lowercase letters, digits, "-"), comma-separated, e.g. basic,silver,gold,vip',
    }),
});

export type MerchantDiscountConfig = z.infer<typeof merchantDiscountEnvSchema>;
