/**
 * Earning rules (積分規則) as plain types. Money is always an integer of minor units (fen for
 * CNY) and rates are integers in permille, so no floating-point number ever stands for money.
 */

/** How the one rounding of a purchase's points is done. */
export type RoundingMode = 'floor' | 'round-half-up' | 'ceil';

export const ROUNDING_MODES: readonly RoundingMode[] = ['floor', 'round-half-up', 'ceil'];

/** A rate in thousandths: 1000 = ×1, 1500 = ×1.5, 0 = earns nothing. Always an integer. */
export type Permille = number;

/** `points` points for every `perAmountMinor` minor units spent (1 per 100 = 1 point per yuan). */
export interface BaseRate {
  readonly points: number;
  readonly perAmountMinor: number;
}

/**
 * A time-boxed bonus: member day double points, an activity's extra points. It applies to a
 * purchase made in [from, to) and, when the filters are given, only on those weekdays (in the
 * centre's time zone), at those tenants, in those categories and for those tiers.
 * Exactly one of `multiplierPermille` and `extraPoints` is set.
 */
export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly from: Date;
  /** Exclusive. */
  readonly to: Date;
  /** 0 = Sunday … 6 = Saturday, in the centre's time zone (member day = [3]). */
  readonly weekdays?: readonly number[];
  readonly tenantIds?: readonly string[];
  readonly categories?: readonly string[];
  readonly tiers?: readonly string[];
  readonly multiplierPermille?: Permille;
  /** Whole points added once per qualifying purchase, after the multiplied points are rounded. */
  readonly extraPoints?: number;
}

/** What staff propose: one version's rules, without the bookkeeping the system assigns. */
export interface EarningRuleDefinition {
  /** The instant (UTC) from which this version applies to purchases. */
  readonly effectiveFrom: Date;
  /** ISO 4217 code; a purchase in another currency earns nothing and is refused. */
  readonly currency: string;
  readonly baseRate: BaseRate;
  readonly rounding: RoundingMode;
  /** By tier code; a tier not listed earns ×1. */
  readonly tierMultipliers: Readonly<Record<string, Permille>>;
  /** By tenant id; a tenant not listed earns ×1. */
  readonly tenantMultipliers: Readonly<Record<string, Permille>>;
  /** By category code; a category not listed earns ×1. */
  readonly categoryMultipliers: Readonly<Record<string, Permille>>;
  readonly excludedTenants: readonly string[];
  readonly excludedCategories: readonly string[];
  readonly campaigns: readonly Campaign[];
  readonly maxPointsPerPurchase?: number;
  /** Per member per day, the day as the centre's clock reads it. */
  readonly maxPointsPerDay?: number;
}

/**
 * Where a version stands: submitted by its author, then approved (it affects earning from its
 * effectiveFrom) or rejected (it never does) by a supervisor who is not its author.
 */
export type EarningRuleStatus = 'submitted' | 'approved' | 'rejected';

export const EARNING_RULE_STATUSES: readonly EarningRuleStatus[] = ['submitted', 'approved', 'rejected'];

/** Who decided a submitted version, when, and (for a rejection) why. */
export interface EarningRuleReview {
  readonly by: string;
  readonly at: Date;
  readonly reason?: string;
}

/** One stored version of the earning rules; the rules never change, only the review is added. */
export interface EarningRuleSet extends EarningRuleDefinition {
  /** 1, 2, 3 …: assigned on save, never reused. */
  readonly version: number;
  /** The staff username that proposed it ('system' for the default). */
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly status: EarningRuleStatus;
  /** Set once approved. */
  readonly approval?: EarningRuleReview;
  /** Set once rejected, with the reason. */
  readonly rejection?: EarningRuleReview;
}

/** A definition as proposed: without `effectiveFrom` it takes effect as soon as the service allows. */
export type EarningRuleProposal = Omit<EarningRuleDefinition, 'effectiveFrom'> & { readonly effectiveFrom?: Date };
