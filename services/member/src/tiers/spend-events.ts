import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import type { PointsEarned, PointsRefunded } from '@atrium/contracts';
import { InvalidInputError } from '@atrium/errors';

/**
 * A sale or refund from the points service, as qualifying spend. Only `points.earned` (a sale
 * from the tenants' feed or a receipt a member submitted) and `points.refunded` are spend;
 * staff adjustments and redemptions are points, not spend, and are not read.
 */
export interface SpendReport {
  readonly memberId: string;
  /** One sale is one tenant's receipt; one refund is one refund number of that receipt. */
  readonly key: string;
  /** For a refund: the sale's key, to take the refund from the month the sale counted in. */
  readonly saleKey?: string;
  /** Positive for a sale, negative for a refund (minor units). */
  readonly amountMinor: number;
  /** When the sale was made, or the refund. */
  readonly at: Date;
}

export function saleKeyOf(tenantId: string, receiptNumber: string): string {
  return `sale|${tenantId}|${receiptNumber}`;
}

export function earnedSpend(event: PointsEarned): SpendReport {
  return {
    memberId: event.memberId,
    key: saleKeyOf(event.tenantId, event.receiptNumber),
    amountMinor: amountOf(event.amountMinor),
    at: instant(event.purchasedAt, 'purchasedAt'),
  };
}

export function refundedSpend(event: PointsRefunded): SpendReport {
  const saleKey = saleKeyOf(event.tenantId, event.receiptNumber);
  return {
    memberId: event.memberId,
    key: `refund|${event.tenantId}|${event.receiptNumber}|${event.refundNumber}`,
    saleKey,
    amountMinor: -amountOf(event.amountMinor),
    at: instant(event.refundedAt, 'refundedAt'),
  };
}

/** Spend in minor units: a negative amount or one beyond 2^53 is a broken event, dead-lettered. */
function amountOf(value: bigint): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidInputError('member.spend-event-invalid', `amountMinor ${value} is not a spend`, [{ field: 'amountMinor', message: 'must be 0 or more' }]);
  }
  return Number(value);
}

function instant(value: Timestamp | undefined, field: string): Date {
  if (!value) throw new InvalidInputError('member.spend-event-invalid', `the event has no ${field}`, [{ field, message: 'is required' }]);
  return timestampDate(value);
}
