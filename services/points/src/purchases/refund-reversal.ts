import type { BalanceField } from '../accounts/account.entity';

/** What happens when a refund takes back points the member has already spent. */
export type RefundPolicy = 'negative-balance' | 'debt';

export interface RefundInput {
  /** Points the sale earned, and its amount. */
  readonly earnedPoints: number;
  readonly saleAmountMinor: number;
  /** Amount and points already refunded from this sale by earlier refunds. */
  readonly refundedAmountMinor: number;
  readonly reversedPoints: number;
  readonly refundAmountMinor: number;
  /** Whether the sale's points have left pending (return window over) and may have been spent. */
  readonly matured: boolean;
  /** The member's available points right now. */
  readonly available: number;
  readonly policy: RefundPolicy;
}

export interface Reversal {
  readonly points: number;
  readonly deltas: Partial<Record<BalanceField, number>>;
  /** Set when staff should look: the refund took back points that were already spent. */
  readonly flag?: string;
}

/**
 * The points a refund reverses: in proportion to the amount, computed on the running total so
 * that partial refunds never drift (two half refunds reverse exactly what one full refund
 * would). Points still pending leave pending; matured points leave available, and what is no
 * longer there follows the policy. All integers.
 */
export function reverseForRefund(input: RefundInput): Reversal {
  const refundedAfter = input.refundedAmountMinor + input.refundAmountMinor;
  // round-half-up of earned × refundedAfter / saleAmount, in exact integers.
  const reversedAfter = Number((2n * BigInt(input.earnedPoints) * BigInt(refundedAfter) + BigInt(input.saleAmountMinor)) / (2n * BigInt(input.saleAmountMinor)));
  const points = Math.max(0, Math.min(reversedAfter, input.earnedPoints) - input.reversedPoints);
  if (points === 0) return { points, deltas: {} };
  if (!input.matured) return { points, deltas: { pending: -points, lifetimeEarned: -points } };
  if (input.available >= points) return { points, deltas: { available: -points, lifetimeEarned: -points } };
  const shortfall = points - Math.max(input.available, 0);
  const flag = `refund took back ${points} points; ${shortfall} had already been spent`;
  switch (input.policy) {
    case 'negative-balance':
      return { points, deltas: { available: -points, lifetimeEarned: -points }, flag };
    case 'debt':
      return { points, deltas: { available: -(points - shortfall), debt: shortfall, lifetimeEarned: -points }, flag };
  }
}
