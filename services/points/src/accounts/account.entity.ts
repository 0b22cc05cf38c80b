import type { MemberFacts } from './member-facts';

/** The balances of a member's points, in whole points; each is the sum of the ledger's deltas for it. */
export interface Balances {
  /** Points the member can spend now (negative only under the negative-balance refund policy). */
  readonly available: number;
  /** Points earned but still inside a purchase's return window. */
  readonly pending: number;
  readonly lifetimeEarned: number;
  readonly redeemed: number;
  readonly expired: number;
  /** Points a refund took back that were already spent (the debt refund policy). */
  readonly debt: number;
}

export const BALANCE_FIELDS = ['available', 'pending', 'lifetimeEarned', 'redeemed', 'expired', 'debt'] as const;
export type BalanceField = (typeof BALANCE_FIELDS)[number];

export const ZERO_BALANCES: Balances = { available: 0, pending: 0, lifetimeEarned: 0, redeemed: 0, expired: 0, debt: 0 };

/**
 * A member's points account, and what the points service knows of the member from the member
 * service's events: how to find them from a sale (phone, cards) and what changes their earning.
 */
export interface PointsAccount extends Balances, MemberFacts {
  readonly memberId: string;
  readonly openedAt: Date;
  /**
   * When the member registered, from member.registered: a sale from before it earns nothing.
   * Absent on accounts opened before it was kept.
   */
  readonly registeredAt?: Date;
}
