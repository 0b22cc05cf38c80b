import { z } from 'zod';
import { serviceVariables } from '@atrium/config';

/** The variables the points service reads (process.env is read nowhere else). */
export const pointsEnvSchema = serviceVariables(3002).extend({
  /** Days a sale's points stay pending, so a return within the window takes them back cleanly. */
  RETURN_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** The largest amount one sale may have, in minor units (default 1,000,000.00). */
  MAX_PURCHASE_AMOUNT_MINOR: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(100_000_000),
  /** How far ahead of the service's clock a till's sale time may be. */
  PURCHASE_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** A refund of points already spent: let available go negative, or record the rest as debt. */
  REFUND_POLICY: z.enum(['negative-balance', 'debt']).default('debt'),
});

export type PointsConfig = z.infer<typeof pointsEnvSchema>;
