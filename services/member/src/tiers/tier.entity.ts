/** One tier of the programme (普卡, 銀卡, 金卡, VIP…) as MEMBER_TIERS defines it. */
export interface TierDefinition {
  /** Stable code in events and the API, e.g. "silver". */
  readonly code: string;
  /** Chinese label, e.g. 銀卡. */
  readonly zh: string;
  /** English label, e.g. Silver. */
  readonly en: string;
  /** Qualifying spend over the rolling 12 months that reaches this tier, in minor units. */
  readonly qualifyMinor: number;
  /** Qualifying spend that keeps this tier at the yearly review, in minor units. */
  readonly keepMinor: number;
}

/** Why a member's tier changed. */
export const TIER_CHANGE_REASONS = ['spend', 'yearly-review', 'import', 'staff', 'merge'] as const;
export type TierChangeReason = (typeof TIER_CHANGE_REASONS)[number];

/** One step of a member's tier history. */
export interface TierChange {
  readonly from: string;
  readonly to: string;
  readonly reason: TierChangeReason;
  readonly at: Date;
  /** The rolling 12-month qualifying spend the decision saw, in minor units. */
  readonly rollingSpendMinor?: number;
  /** The staff member behind a staff change, an import, or a merge. */
  readonly staffId?: string;
  /** Staff's reason for a staff change or merge. */
  readonly note?: string;
  /** The review run (yearly review) or import that made the change. */
  readonly runId?: string;
  readonly reviewYear?: number;
}

/**
 * A yearly review of one member: kept or down one level. Recorded in the member's document
 * with the change it made, so a year is applied to a member once whatever runs again.
 */
export interface TierReview {
  readonly year: number;
  readonly runId: string;
  readonly at: Date;
  readonly from: string;
  readonly to: string;
  readonly rollingSpendMinor: number;
}
