import type { PurchaseLimits } from './purchase-checks';
import type { RefundPolicy } from './refund-reversal';

/** The points service's configuration that shapes how sales become ledger entries. */
export interface PointsSettings extends PurchaseLimits {
  readonly timeZone: string;
  /** Days a sale's points stay pending, for returns. */
  readonly returnWindowDays: number;
  readonly refundPolicy: RefundPolicy;
  /** Days back a sale's time may be and still earn. */
  readonly maxAgeDays: number;
}

export const POINTS_SETTINGS = Symbol('POINTS_SETTINGS');
