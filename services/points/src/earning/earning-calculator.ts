/**
 * What a purchase earns under a rule set: pure functions, no I/O and no clock, so the purchase
 * consumer, the preview endpoint and the tests all get the same answer for the same input.
 *
 * The order of the calculation (computeEarning):
 *
 *  1. Refuse a purchase the rules cannot price: amount not a positive integer of minor units,
 *     occurredAt not a valid instant, or a currency other than the rule set's.
 *  2. Exclusions: an excluded tenant (checked first), then an excluded category, earns 0 with
 *     `excluded` set; nothing else applies (no multiplier, no bonus).
 *  3. Multipliers that apply, in this order in the breakdown: the member's tier, the tenant,
 *     the category, then every applicable campaign with `multiplierPermille` in rule-set order.
 *     A tier, tenant or category not listed has no entry (×1). Multipliers multiply each other:
 *     tier ×1.5 and member day ×2 give ×3.
 *  4. One exact product, rounded once:
 *        amountMinor × baseRate.points × Π permille  /  (baseRate.perAmountMinor × 1000^n)
 *     computed with BigInt, so no amount or stack of multipliers overflows or drifts, and
 *     rounded as the rule set says (floor, round-half-up, ceil).
 *  5. Plus the `extraPoints` of every applicable campaign (they are not multiplied).
 *  6. Per-purchase cap: the total is cut to `maxPointsPerPurchase` (capped: 'per-purchase').
 *  7. Per-day cap: the total is cut to what is left of `maxPointsPerDay` after the member's
 *     points already earned that centre-local day, never below 0 (capped: 'per-day'; when
 *     both caps cut, 'per-day' is reported, being the one that decided the result).
 *
 * A campaign applies to a purchase made in [from, to) whose every given filter matches: the
 * weekday in the centre's time zone, the tenant, the category (a purchase without a category
 * matches no category filter) and the member's tier.
 *
 * `basePoints` in the breakdown is the purchase at the base rate alone, rounded the rule set's
 * way: what it would earn with no multiplier, bonus or cap. It explains the result; `points`
 * is never computed from it (rounding happens once, on the full product).
 */
import type { FieldProblem } from '@atrium/errors';
import type { Campaign, EarningRuleSet, Permille, RoundingMode } from './earning-rule-set.entity';
import { CurrencyMismatchError, InvalidPurchaseError, NoRuleSetInEffectError } from './earning.errors';
import { localWeekday } from './local-time';

/** A purchase as the rules see it. */
export interface Purchase {
  /** Integer > 0, in minor units of `currency` (fen for CNY). */
  readonly amountMinor: number;
  readonly currency: string;
  readonly tenantId: string;
  readonly category?: string;
  readonly occurredAt: Date;
  readonly memberTier: string;
}

/** What the rules need to know besides the purchase; the caller reads it from the ledger and config. */
export interface EarningContext {
  /** Points the member already earned this centre-local day (the day of the purchase), for the per-day cap. */
  readonly earnedTodayPoints: number;
  /** The centre's IANA time zone, e.g. 'Asia/Shanghai': weekdays and days are read on its clock. */
  readonly timeZone: string;
}

export type MultiplierSource = 'tier' | 'tenant' | 'category' | 'campaign';

/** One multiplier that made the points: which rule (source + key: tier code, tenant id, category, campaign id) and how much. */
export interface AppliedMultiplier {
  readonly source: MultiplierSource;
  readonly key: string;
  readonly permille: Permille;
}

export interface AppliedExtraPoints {
  readonly campaignId: string;
  readonly points: number;
}

/** How the points came about; a ledger entry stores it with the rule version. */
export interface EarningBreakdown {
  readonly basePoints: number;
  readonly multipliers: readonly AppliedMultiplier[];
  readonly extraPoints: readonly AppliedExtraPoints[];
  readonly capped?: 'per-purchase' | 'per-day';
  readonly excluded?: 'tenant' | 'category';
}

export interface Earning {
  /** Whole points, ≥ 0. */
  readonly points: number;
  readonly ruleVersion: number;
  readonly breakdown: EarningBreakdown;
}

/**
 * The rule set in effect at `at`: of the approved versions, the one with the latest `effectiveFrom` ≤ `at`; of two with
 * the same `effectiveFrom`, the higher version (that is how a scheduled version is replaced).
 */
export function selectRuleSet(ruleSets: readonly EarningRuleSet[], at: Date): EarningRuleSet {
  let selected: EarningRuleSet | undefined;
  for (const candidate of ruleSets) {
    // Submitted and rejected versions never price a purchase: only a supervisor's approval makes rules count.
    if (candidate.status !== 'approved') continue;
    if (candidate.effectiveFrom.getTime() > at.getTime()) continue;
    if (
      !selected ||
      candidate.effectiveFrom.getTime() > selected.effectiveFrom.getTime() ||
      (candidate.effectiveFrom.getTime() === selected.effectiveFrom.getTime() && candidate.version > selected.version)
    ) {
      selected = candidate;
    }
  }
  if (!selected) throw new NoRuleSetInEffectError(at);
  return selected;
}

/** What `purchase` earns under `ruleSet`; the order is in this file's doc comment. */
export function computeEarning(ruleSet: EarningRuleSet, purchase: Purchase, context: EarningContext): Earning {
  refuseUnpriceable(ruleSet, purchase, context);
  const ruleVersion = ruleSet.version;

  if (ruleSet.excludedTenants.includes(purchase.tenantId)) {
    return { points: 0, ruleVersion, breakdown: { basePoints: 0, multipliers: [], extraPoints: [], excluded: 'tenant' } };
  }
  if (purchase.category !== undefined && ruleSet.excludedCategories.includes(purchase.category)) {
    return { points: 0, ruleVersion, breakdown: { basePoints: 0, multipliers: [], extraPoints: [], excluded: 'category' } };
  }

  const campaigns = ruleSet.campaigns.filter((campaign) => campaignApplies(campaign, purchase, context.timeZone));
  const multipliers: AppliedMultiplier[] = [
    ...listed('tier', purchase.memberTier, ruleSet.tierMultipliers),
    ...listed('tenant', purchase.tenantId, ruleSet.tenantMultipliers),
    ...(purchase.category === undefined ? [] : listed('category', purchase.category, ruleSet.categoryMultipliers)),
    ...campaigns.flatMap((campaign): AppliedMultiplier[] =>
      campaign.multiplierPermille === undefined ? [] : [{ source: 'campaign', key: campaign.id, permille: campaign.multiplierPermille }],
    ),
  ];
  const extraPoints = campaigns.flatMap((campaign): AppliedExtraPoints[] =>
    campaign.extraPoints === undefined ? [] : [{ campaignId: campaign.id, points: campaign.extraPoints }],
  );

  const amount = BigInt(purchase.amountMinor) * BigInt(ruleSet.baseRate.points);
  const perAmount = BigInt(ruleSet.baseRate.perAmountMinor);
  const basePoints = divide(amount, perAmount, ruleSet.rounding);
  const numerator = multipliers.reduce((product, multiplier) => product * BigInt(multiplier.permille), amount);
  const denominator = multipliers.reduce((product) => product * 1000n, perAmount);

  let points = divide(numerator, denominator, ruleSet.rounding);
  points += extraPoints.reduce((sum, extra) => sum + BigInt(extra.points), 0n);

  let capped: EarningBreakdown['capped'];
  if (ruleSet.maxPointsPerPurchase !== undefined && points > BigInt(ruleSet.maxPointsPerPurchase)) {
    points = BigInt(ruleSet.maxPointsPerPurchase);
    capped = 'per-purchase';
  }
  if (ruleSet.maxPointsPerDay !== undefined) {
    // Reversals can leave a day's net earnings below zero; they do not raise the cap.
    const used = BigInt(Math.max(0, context.earnedTodayPoints));
    const left = BigInt(ruleSet.maxPointsPerDay) > used ? BigInt(ruleSet.maxPointsPerDay) - used : 0n;
    if (points > left) {
      points = left;
      capped = 'per-day';
    }
  }

  return {
    points: toSafeNumber(points, 'amountMinor'),
    ruleVersion,
    breakdown: {
      basePoints: toSafeNumber(basePoints, 'amountMinor'),
      multipliers,
      extraPoints,
      ...(capped ? { capped } : {}),
    },
  };
}

function refuseUnpriceable(ruleSet: EarningRuleSet, purchase: Purchase, context: EarningContext): void {
  const problems: FieldProblem[] = [];
  if (!Number.isSafeInteger(purchase.amountMinor) || purchase.amountMinor <= 0) {
    problems.push({ field: 'amountMinor', message: 'must be a whole number of minor units greater than 0' });
  }
  if (Number.isNaN(purchase.occurredAt.getTime())) {
    problems.push({ field: 'occurredAt', message: 'must be a valid instant' });
  }
  if (!Number.isSafeInteger(context.earnedTodayPoints)) {
    problems.push({ field: 'earnedTodayPoints', message: 'must be a whole number of points' });
  }
  if (problems.length > 0) throw new InvalidPurchaseError(problems);
  if (purchase.currency !== ruleSet.currency) throw new CurrencyMismatchError(purchase.currency, ruleSet.currency);
}

function listed(source: 'tier' | 'tenant' | 'category', key: string, multipliers: Readonly<Record<string, Permille>>): AppliedMultiplier[] {
  // hasOwn, so a tier called "constructor" or "toString" is not read off the prototype.
  if (!Object.hasOwn(multipliers, key)) return [];
  return [{ source, key, permille: multipliers[key] }];
}

function campaignApplies(campaign: Campaign, purchase: Purchase, timeZone: string): boolean {
  const at = purchase.occurredAt.getTime();
  if (at < campaign.from.getTime() || at >= campaign.to.getTime()) return false;
  if (campaign.weekdays && !campaign.weekdays.includes(localWeekday(purchase.occurredAt, timeZone))) return false;
  if (campaign.tenantIds && !campaign.tenantIds.includes(purchase.tenantId)) return false;
  if (campaign.categories && (purchase.category === undefined || !campaign.categories.includes(purchase.category))) return false;
  if (campaign.tiers && !campaign.tiers.includes(purchase.memberTier)) return false;
  return true;
}

/** numerator / denominator rounded as `mode` says; both are ≥ 0 here, the denominator > 0. */
function divide(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  switch (mode) {
    case 'floor':
      return numerator / denominator;
    case 'ceil':
      return (numerator + denominator - 1n) / denominator;
    case 'round-half-up':
      // n/d + 1/2, floored: exactly half goes up.
      return (2n * numerator + denominator) / (2n * denominator);
  }
}

function toSafeNumber(points: bigint, field: string): number {
  if (points > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidPurchaseError([{ field, message: 'earns more points than can be counted; the purchase amount is implausible' }]);
  }
  return Number(points);
}
