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
  /** Days after a purchase within which its receipt may still be submitted (the cut-off). */
  RECEIPT_SUBMISSION_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /** The smallest amount a submitted receipt may have, in minor units (default 10.00). */
  RECEIPT_MIN_AMOUNT_MINOR: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1_000),
  /** Receipts one member may submit for one tenant's purchases of one centre-local day. */
  RECEIPTS_PER_TENANT_PER_DAY: z.coerce.number().int().min(1).max(100).default(3),
  /** The largest number of points one staff adjustment may add or take, either way (a typo guard). */
  ADJUSTMENT_MAX_POINTS: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(100_000),
  /** The tier code of a member the member service has not assigned a tier yet (rewards limited to tiers read them as this one). */
  REWARDS_BASE_TIER: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a tier code such as basic').default('basic'),
  /** Minutes after a desk redemption (or a reservation's collection) within which the desk may cancel it, returning points and stock. */
  REDEMPTION_CANCEL_WINDOW_MINUTES: z.coerce.number().int().min(0).max(10_080).default(30),
  /** Seconds a shopper's online reservation holds its points and stock before it expires uncollected (default 48 hours). */
  RESERVATION_HOLD_SECONDS: z.coerce.number().int().min(1).max(30 * 86_400).default(172_800),
  /** Seconds between sweeps that expire uncollected reservations and finish redemptions a stopped process left half done. */
  RESERVATION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
});

export type PointsConfig = z.infer<typeof pointsEnvSchema>;
