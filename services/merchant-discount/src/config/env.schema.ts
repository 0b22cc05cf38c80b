import type { z } from 'zod';
import { serviceVariables } from '@atrium/config';

/** The variables the merchant-discount service reads (process.env is read nowhere else). */
export const merchantDiscountEnvSchema = serviceVariables(3003);

export type MerchantDiscountConfig = z.infer<typeof merchantDiscountEnvSchema>;
