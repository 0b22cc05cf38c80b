import type { BalanceField } from '../accounts/account.entity';

export type LedgerEntryKind = 'earn' | 'refund' | 'adjustment' | 'redemption' | 'redemption-cancel' | 'maturity' | 'expiry' | 'merge-out' | 'merge-in';

/** Available points moved by a merge, with the date they were earned (their expiry is counted from it). */
export interface MovedLot {
  /** The lot on the merged record: its sale's earn entry, or the crediting entry. */
  readonly id: string;
  readonly earnedAt: Date;
  readonly points: number;
}

/** A sale's points moved by a merge while still pending: they mature on the surviving member. */
export interface MovedPendingSale {
  /** The sale's earn entry on the merged record. */
  readonly saleEntryId: string;
  readonly earnedAt: Date;
  readonly maturesAt: Date;
  /** What refunds left of the sale's pending points. */
  readonly points: number;
}

/** Where an entry came from; enough for a member's statement and for finance to trace it. */
export type LedgerCause =
  | {
      readonly type: 'purchase';
      readonly tenantId: string;
      readonly receiptNumber: string;
      readonly amountMinor: number;
      readonly currency: string;
      readonly category?: string;
      /** The event that reported the sale. */
      readonly sourceEventId: string;
    }
  | {
      /** A sale proved by a receipt a shopper or the desk submitted, approved by staff or by the feed. */
      readonly type: 'receipt';
      readonly receiptId: string;
      readonly tenantId: string;
      readonly receiptNumber: string;
      readonly amountMinor: number;
      readonly currency: string;
      readonly category?: string;
      /** Who approved it: a staff username, or `feed` when the tenant's till reported the same sale. */
      readonly approvedBy: string;
      /** The till's event that confirmed the sale, when the feed approved it. */
      readonly feedEventId?: string;
    }
  | {
      readonly type: 'refund';
      readonly tenantId: string;
      readonly receiptNumber: string;
      readonly refundNumber: string;
      readonly amountMinor: number;
      readonly currency: string;
      readonly sourceEventId: string;
    }
  | {
      /** A supervisor's correction of the member's available points. */
      readonly type: 'adjustment';
      readonly adjustmentId: string;
      /** Why, in the supervisor's words; the member's statement shows it. */
      readonly reason: string;
      /** What the adjustment refers to (a complaint number, a case), when given. */
      readonly reference?: string;
      readonly staffId: string;
    }
  | {
      /** Points exchanged for a reward: at a desk (積分換禮, 停車優惠), or held by a shopper's online reservation. */
      readonly type: 'redemption';
      readonly redemptionId: string;
      /** The code on the redemption's slip. */
      readonly code: string;
      readonly rewardId: string;
      readonly rewardName: string;
      readonly rewardKind: 'gift' | 'voucher' | 'parking';
      readonly quantity: number;
      readonly parkingHours?: number;
      readonly location?: string;
      readonly channel: 'desk' | 'online';
      /** The desk staff member who redeemed it; absent for a shopper's reservation. */
      readonly staffId?: string;
      /** Who pays for the reward: the centre, or a tenant for its share (basis points), for settlement. */
      readonly funding: { readonly by: 'centre' | 'tenant'; readonly tenantId?: string; readonly tenantShareBasisPoints: number };
    }
  | {
      /** A redemption's points given back: cancelled at the desk or by the shopper, or an expired reservation. */
      readonly type: 'redemption-cancel';
      readonly redemptionId: string;
      readonly code: string;
      readonly rewardId: string;
      readonly reason: 'staff' | 'shopper' | 'reservation-expired';
      readonly staffId?: string;
    }
  | {
      /** A sale's points past its return window, moved from pending to available by the daily settlement job. */
      readonly type: 'maturity';
      /** The earn entry whose points matured. */
      readonly saleEntryId: string;
      /** When the sale was made: the points' earning date, from which their expiry is counted. */
      readonly earnedAt: Date;
      /** The daily settlement run that wrote the entry. */
      readonly runId: string;
    }
  | {
      /** Available points that reached their expiry date, taken oldest first by the daily settlement job. */
      readonly type: 'expiry';
      /** The last centre-local day the points could be spent ("2025-12-31"). */
      readonly expiryDate: string;
      /** The policy that dated them (POINTS_EXPIRY_POLICY), e.g. "end-of-year-after" or "months-after:12". */
      readonly policy: string;
      /** The daily settlement run that wrote the entry. */
      readonly runId: string;
    }
  | {
      /** Every balance of a record merged into another member, taken off it (the member service's member.merged). */
      readonly type: 'merge-out';
      readonly mergedInto: string;
      readonly mergedAt: Date;
    }
  | {
      /** The balances of a record merged into this member, with their earning dates and pending sales. */
      readonly type: 'merge-in';
      readonly mergedFrom: string;
      readonly mergedAt: Date;
      readonly lots: readonly MovedLot[];
      readonly pendingSales: readonly MovedPendingSale[];
    };

/** One multiplier or bonus that shaped an earning, as the rule version said. */
export interface EarningFactor {
  readonly source: string;
  readonly key: string;
  readonly permille?: number;
  readonly points?: number;
}

/**
 * An immutable line of a member's points history. Its id is derived from its cause
 * (`earn:<tenant>:<receipt>`), so the same sale can only ever make one entry, whether the
 * tenant's feed or a submitted receipt reports it.
 */
export interface LedgerEntry {
  readonly id: string;
  readonly memberId: string;
  readonly kind: LedgerEntryKind;
  /** The signed change this entry makes to each balance; absent fields are zero. */
  readonly deltas: Partial<Record<BalanceField, number>>;
  readonly cause: LedgerCause;
  /** The earning-rule version that computed an earn entry. */
  readonly ruleVersion?: number;
  readonly factors?: readonly EarningFactor[];
  /** When the underlying sale or refund happened. */
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  /** When pending points become available (the return window's end). */
  readonly maturesAt?: Date;
  /** Why staff should look at this entry (e.g. a refund of points already spent). */
  readonly flag?: string;
  /**
   * Set once the entry's deltas are in its account's balances for certain; until then the
   * account's own list of applied entry ids decides. The one field written after insertion.
   */
  readonly applied?: boolean;
}

export function earnEntryId(tenantId: string, receiptNumber: string): string {
  return `earn:${tenantId}:${receiptNumber}`;
}

export function refundEntryId(tenantId: string, refundNumber: string): string {
  return `refund:${tenantId}:${refundNumber}`;
}

export function adjustmentEntryId(adjustmentId: string): string {
  return `adjust:${adjustmentId}`;
}

export function redemptionEntryId(redemptionId: string): string {
  return `redeem:${redemptionId}`;
}

export function redemptionCancelEntryId(redemptionId: string): string {
  return `redeem-cancel:${redemptionId}`;
}

/**
 * The entry that moves a sale's points from pending to available once its return window is
 * over: one per sale, whichever run (or re-run) of the daily settlement writes it. The
 * purchase feed looks for it to tell a refund of matured points.
 */
export function maturityEntryId(saleEntryId: string): string {
  return `mature:${saleEntryId}`;
}

/** The entry that expires a member's points of one expiry date: one per member and date. */
export function expiryEntryId(memberId: string, expiryDate: string): string {
  return `expire:${memberId}:${expiryDate}`;
}

/** The entries of a merge: one taking the merged record's balances off, one giving them to the survivor. */
export function mergeOutEntryId(mergedMemberId: string): string {
  return `merge:${mergedMemberId}:out`;
}

export function mergeInEntryId(mergedMemberId: string): string {
  return `merge:${mergedMemberId}:in`;
}
