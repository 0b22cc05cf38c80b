/** A member's points account: balances in whole points. */
export interface PointsAccount {
  readonly memberId: string;
  /** Points the member can spend now. */
  readonly available: number;
  /** Points earned but still inside a purchase's return window. */
  readonly pending: number;
  readonly lifetimeEarned: number;
  readonly redeemed: number;
  readonly expired: number;
  readonly openedAt: Date;
}
