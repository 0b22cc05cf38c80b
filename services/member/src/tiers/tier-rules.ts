import type { TierDefinition } from './tier.entity';

/**
 * The tier rules on a ladder of tiers, lowest first (MEMBER_TIERS, checked at start). Pure:
 * spend in, decision out.
 */

/** The member's tier on the ladder: the lowest when none was assigned, or when the code is no longer configured. */
export function tierOf(tiers: readonly TierDefinition[], code: string | undefined): TierDefinition {
  return tiers.find((tier) => tier.code === code) ?? tiers[0];
}

export function rankOf(tiers: readonly TierDefinition[], code: string | undefined): number {
  return Math.max(0, tiers.findIndex((tier) => tier.code === code));
}

/** The highest tier a rolling spend reaches. */
export function tierReachedBy(tiers: readonly TierDefinition[], spendMinor: number): TierDefinition {
  let reached = tiers[0];
  for (const tier of tiers) if (spendMinor >= tier.qualifyMinor) reached = tier;
  return reached;
}

/**
 * The tier a member goes up to as soon as their spend reaches it (several levels at once if
 * the spend says so); undefined when the spend reaches nothing above where they are. Spend
 * never takes a member down: only the yearly review does.
 */
export function upgradeFor(tiers: readonly TierDefinition[], currentCode: string | undefined, spendMinor: number): TierDefinition | undefined {
  const reached = tierReachedBy(tiers, spendMinor);
  return rankOf(tiers, reached.code) > rankOf(tiers, currentCode) ? reached : undefined;
}

/** What the yearly review does with one member. */
export interface ReviewDecision {
  readonly from: TierDefinition;
  readonly to: TierDefinition;
  readonly downgraded: boolean;
}

/**
 * The yearly review: a member whose spend is below their tier's keep threshold goes down one
 * level, never more, however low the spend; the lowest tier stays.
 */
export function reviewDecision(tiers: readonly TierDefinition[], currentCode: string | undefined, spendMinor: number): ReviewDecision {
  const rank = rankOf(tiers, currentCode);
  const from = tiers[rank];
  if (rank === 0 || spendMinor >= from.keepMinor) return { from, to: from, downgraded: false };
  return { from, to: tiers[rank - 1], downgraded: true };
}

/** The next tier up and how much spend it still needs; undefined at the top. */
export function nextTierFor(tiers: readonly TierDefinition[], currentCode: string | undefined, spendMinor: number): { tier: TierDefinition; remainingMinor: number } | undefined {
  const next = tiers[rankOf(tiers, currentCode) + 1];
  return next ? { tier: next, remainingMinor: Math.max(0, next.qualifyMinor - spendMinor) } : undefined;
}
