/**
 * The rules of the rewards catalogue, pure: what a reward definition must say, and whether a
 * member may redeem a reward now (availability window, tiers, limit per period).
 */
import type { FieldProblem } from '@atrium/errors';
import type { Funding, RedemptionLimit, Reward, RewardDefinition } from './reward.entity';

/** The most basis points a share can be: the whole cost. */
export const FULL_SHARE_BASIS_POINTS = 10_000;

/** A refusal of a redemption, pure: the error it becomes names the field and says why. */
export interface Refusal {
  readonly code: string;
  /** `invalid`: the request itself is wrong (400); `conflict`: the member's or the reward's state refuses it (409). */
  readonly status: 'invalid' | 'conflict';
  readonly field: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Funding as staff send it, before its fields are checked against each other. */
export interface FundingInput {
  readonly by: 'centre' | 'tenant';
  readonly tenantId?: string;
  readonly tenantShareBasisPoints?: number;
}

/** The funding, or the problems of a tenant funding without its tenant or share (or a centre funding with them). */
export function fundingOf(input: FundingInput): { funding?: Funding; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (input.by === 'centre') {
    if (input.tenantId !== undefined) problems.push({ field: 'funding.tenantId', message: 'is only for tenant funding' });
    if (input.tenantShareBasisPoints !== undefined) problems.push({ field: 'funding.tenantShareBasisPoints', message: 'is only for tenant funding' });
    return problems.length > 0 ? { problems } : { funding: { by: 'centre' }, problems };
  }
  if (input.tenantId === undefined) problems.push({ field: 'funding.tenantId', message: 'is required for tenant funding' });
  if (input.tenantShareBasisPoints === undefined) problems.push({ field: 'funding.tenantShareBasisPoints', message: `is required for tenant funding (1 to ${FULL_SHARE_BASIS_POINTS})` });
  if (problems.length > 0) return { problems };
  return { funding: { by: 'tenant', tenantId: input.tenantId!, tenantShareBasisPoints: input.tenantShareBasisPoints! }, problems };
}

/** Problems of a definition that its fields' own checks cannot see (fields named as the client sent them). */
export function checkRewardDefinition(definition: RewardDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { availableFrom, availableUntil } = definition;
  if (availableFrom && availableUntil && availableUntil.getTime() <= availableFrom.getTime()) {
    problems.push({ field: 'availableUntil', message: 'must be after availableFrom' });
  }
  if (definition.kind === 'parking' && definition.maxHoursPerDay === undefined) {
    problems.push({ field: 'maxHoursPerDay', message: 'is required for a parking reward (the most hours per plate per day)' });
  }
  if (definition.kind !== 'parking' && definition.maxHoursPerDay !== undefined) {
    problems.push({ field: 'maxHoursPerDay', message: 'is only for parking rewards' });
  }
  if (new Set(definition.tiers).size !== definition.tiers.length) problems.push({ field: 'tiers', message: 'must not list a tier twice' });
  return problems;
}

/** The tier a member redeems as: their tier code in lower case, or the base tier while they have none. */
export function effectiveTier(accountTier: string, baseTier: string): string {
  return (accountTier || baseTier).toLowerCase();
}

/** Whether the reward may be redeemed at `now` at all: not retired, inside its window. */
export function availabilityRefusal(reward: Reward, now: Date): Refusal | undefined {
  if (reward.status === 'retired') {
    return { code: 'redemption.reward-retired', status: 'conflict', field: 'rewardId', message: 'the reward is retired and can no longer be redeemed' };
  }
  if (reward.availableFrom && now.getTime() < reward.availableFrom.getTime()) {
    return {
      code: 'redemption.outside-window',
      status: 'conflict',
      field: 'rewardId',
      message: `the reward can be redeemed from ${reward.availableFrom.toISOString()}`,
      details: { availableFrom: reward.availableFrom.toISOString(), ...(reward.availableUntil ? { availableUntil: reward.availableUntil.toISOString() } : {}) },
    };
  }
  if (reward.availableUntil && now.getTime() >= reward.availableUntil.getTime()) {
    return {
      code: 'redemption.outside-window',
      status: 'conflict',
      field: 'rewardId',
      message: `the reward could be redeemed until ${reward.availableUntil.toISOString()}`,
      details: { ...(reward.availableFrom ? { availableFrom: reward.availableFrom.toISOString() } : {}), availableUntil: reward.availableUntil.toISOString() },
    };
  }
  return undefined;
}

export function tierRefusal(reward: Reward, tier: string): Refusal | undefined {
  if (reward.tiers.length === 0 || reward.tiers.includes(tier)) return undefined;
  return {
    code: 'redemption.tier-not-allowed',
    status: 'conflict',
    field: 'memberId',
    message: `the member's tier ${tier} may not redeem this reward (only ${reward.tiers.join(', ')})`,
    details: { tier, allowedTiers: reward.tiers },
  };
}

/** Units the member may still take in the current period; undefined when the reward has no limit. */
export function limitRemaining(limit: RedemptionLimit | undefined, used: number): number | undefined {
  return limit ? Math.max(0, limit.quantity - used) : undefined;
}

export function limitRefusal(limit: RedemptionLimit | undefined, used: number, quantity: number): Refusal | undefined {
  if (!limit || used + quantity <= limit.quantity) return undefined;
  return {
    code: 'redemption.limit-reached',
    status: 'conflict',
    field: 'quantity',
    message: `at most ${limit.quantity} per member per ${limit.period}; ${used} taken this ${limit.period}`,
    details: { limit: limit.quantity, period: limit.period, used },
  };
}

export function pointsRefusal(points: number, available: number): Refusal | undefined {
  if (points <= available) return undefined;
  return {
    code: 'redemption.insufficient-points',
    status: 'conflict',
    field: 'quantity',
    message: `needs ${points} points; the member has ${available} available`,
    details: { required: points, available },
  };
}
