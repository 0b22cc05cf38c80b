export const REWARD_KINDS = ['gift', 'voucher', 'parking'] as const;
/** A gift from a desk's stock, a digital voucher code from an uploaded pool, or parking hours for a plate. */
export type RewardKind = (typeof REWARD_KINDS)[number];

export const LIMIT_PERIODS = ['day', 'week', 'month', 'year'] as const;
/** A calendar period in the centre's time zone (weeks start on Monday). */
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

/** At most `quantity` units per member per calendar `period` (parking: redemptions). */
export interface RedemptionLimit {
  readonly quantity: number;
  readonly period: LimitPeriod;
}

/** Who pays for the reward: the centre alone, or a tenant for its share (co-funded when below 10000). */
export type Funding =
  | { readonly by: 'centre' }
  | {
      readonly by: 'tenant';
      readonly tenantId: string;
      /** The tenant's share of the cost in basis points: 10000 = all of it, 5000 = half. */
      readonly tenantShareBasisPoints: number;
    };

export type RewardStatus = 'active' | 'retired';

/** One line of the rewards catalogue (積分換禮目錄). */
export interface Reward {
  readonly id: string;
  readonly kind: RewardKind;
  readonly name: string;
  readonly description?: string;
  /** Points per unit; for parking, points per hour. */
  readonly pointsPrice: number;
  /** Redeemable from this instant (inclusive); always when absent. */
  readonly availableFrom?: Date;
  /** Redeemable until this instant (exclusive); for ever when absent. */
  readonly availableUntil?: Date;
  /** Tier codes (lower case) that may redeem it; every tier when empty. */
  readonly tiers: readonly string[];
  readonly limit?: RedemptionLimit;
  readonly funding: Funding;
  /** Parking only: the most hours one plate may get from this reward per centre-local day. */
  readonly maxHoursPerDay?: number;
  /** A retired reward stays for the history of its redemptions but can no longer be redeemed. */
  readonly status: RewardStatus;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** What staff send to create or change a reward (everything but its id, kind-independent history and audit). */
export type RewardDefinition = Omit<Reward, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

/** A staff change of a desk's stock of a gift, with its reason: the stock record keeps every one. */
export interface StockAdjustment {
  readonly id: string;
  /** Signed: a delivery adds, breakage or a stocktake difference takes. */
  readonly change: number;
  readonly reason: string;
  readonly staffId: string;
  readonly at: Date;
  readonly before: number;
  readonly after: number;
}

/** A gift's stock at one desk location. */
export interface StockLevel {
  readonly rewardId: string;
  readonly location: string;
  readonly quantity: number;
  readonly adjustments: readonly StockAdjustment[];
}
