import { z } from 'zod';
import { serviceVariables } from '@atrium/config';
import { parseExpiryPolicy } from '../expiry/expiry-policy';

/** The variables the points service reads (process.env is read nowhere else). */
export const pointsEnvSchema = serviceVariables(3002).extend({
  /** Days a sale's points stay pending, so a return within the window takes them back cleanly. */
  RETURN_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** The largest amount one sale may have, in minor units (default 1,000,000.00). */
  MAX_PURCHASE_AMOUNT_MINOR: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(100_000_000),
  /** How far ahead of the service's clock a till's sale time may be. */
  PURCHASE_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /**
   * Days back a sale's time may be and still earn (a till replaying an old backlog, or a sale
   * from before the member existed, earns nothing); older sales are refused as purchase.too-old.
   */
  PURCHASE_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3_660).default(30),
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
  /**
   * When earned points expire: `end-of-year-after` (at the end of the calendar year after the
   * one they were earned in), `months-after:N` (N = 1–120 months after the day they were
   * earned), or `none`. Centre days and years (TZ_CENTRE); the daily settlement expires them.
   */
  POINTS_EXPIRY_POLICY: z
    .string()
    .refine((value) => parseExpiryPolicy(value) !== undefined, 'must be end-of-year-after, months-after:N (N from 1 to 120) or none')
    .default('end-of-year-after'),
  /** Days before an expiry date that members are reminded of their points expiring then (points.expiring-soon); 0 sends none. */
  POINTS_EXPIRY_REMINDER_DAYS: z.coerce.number().int().min(0).max(731).default(30),
  /** The centre-local time ("HH:MM") the daily settlement of the day before starts every day. */
  DAILY_SETTLEMENT_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, e.g. 03:00')
    .default('03:00'),
  /**
   * Seconds a settlement worker's claim on a run lasts without renewal (renewed every half):
   * how long a run whose process died waits before another worker, or the restarted one, resumes it.
   */
  SETTLEMENT_JOB_LOCK_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  /** What one point is worth to finance, in thousandths of a minor unit (1000: a point is worth one fen, 0.01 yuan). */
  POINT_VALUE_MILLI_MINOR: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  /** The currency of point values and settlement statements (ISO 4217). */
  POINT_VALUE_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY').default('CNY'),
  /** The share of the value of the points a tenant's sales issue that the tenant pays, in basis points (10000: all of it). */
  TENANT_POINTS_FUNDING_BASIS_POINTS: z.coerce.number().int().min(0).max(10_000).default(10_000),
  /**
   * When the schedule settles the month before (a cron pattern in the centre's time zone; default
   * the 1st at 06:00, after the daily settlement). Six fields put seconds first (tests fire it often).
   */
  PERIOD_SETTLEMENT_CRON: z
    .string()
    .regex(/^\S+( \S+){4,5}$/, 'must be a cron pattern of five fields (six with seconds first), e.g. 0 6 1 * *')
    .default('0 6 1 * *'),
});

export type PointsConfig = z.infer<typeof pointsEnvSchema>;
