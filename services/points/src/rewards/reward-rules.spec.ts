import type { Reward, RewardDefinition } from './reward.entity';
import { availabilityRefusal, checkRewardDefinition, effectiveTier, fundingOf, limitRefusal, limitRemaining, pointsRefusal, tierRefusal } from './reward-rules';

const at = (iso: string) => new Date(iso);

const definition: RewardDefinition = {
  kind: 'gift',
  name: 'Umbrella',
  pointsPrice: 500,
  tiers: [],
  funding: { by: 'centre' },
  status: 'active',
};

const reward: Reward = {
  ...definition,
  id: 'r1',
  createdAt: at('2026-01-01T00:00:00Z'),
  createdBy: 'spec-bo',
  updatedAt: at('2026-01-01T00:00:00Z'),
  updatedBy: 'spec-bo',
};

describe('reward definitions', () => {
  it('accepts a plain gift', () => {
    expect(checkRewardDefinition(definition)).toEqual([]);
  });

  it.each([
    [{ availableFrom: at('2026-02-01T00:00:00Z'), availableUntil: at('2026-02-01T00:00:00Z') }, 'availableUntil'],
    [{ kind: 'parking' as const }, 'maxHoursPerDay'],
    [{ maxHoursPerDay: 3 }, 'maxHoursPerDay'],
    [{ tiers: ['gold', 'gold'] }, 'tiers'],
  ])('refuses %o naming %s', (change, field) => {
    expect(checkRewardDefinition({ ...definition, ...change }).map((problem) => problem.field)).toEqual([field]);
  });
});

describe('funding', () => {
  it('is the centre alone, or a tenant with its share', () => {
    expect(fundingOf({ by: 'centre' })).toEqual({ funding: { by: 'centre' }, problems: [] });
    expect(fundingOf({ by: 'tenant', tenantId: 't1', tenantShareBasisPoints: 5000 })).toEqual({ funding: { by: 'tenant', tenantId: 't1', tenantShareBasisPoints: 5000 }, problems: [] });
  });

  it.each([
    [{ by: 'tenant' as const, tenantShareBasisPoints: 5000 }, ['funding.tenantId']],
    [{ by: 'tenant' as const, tenantId: 't1' }, ['funding.tenantShareBasisPoints']],
    [{ by: 'centre' as const, tenantId: 't1', tenantShareBasisPoints: 10000 }, ['funding.tenantId', 'funding.tenantShareBasisPoints']],
  ])('refuses %o naming %o', (input, fields) => {
    const result = fundingOf(input);
    expect(result.funding).toBeUndefined();
    expect(result.problems.map((problem) => problem.field)).toEqual(fields);
  });
});

describe('who may redeem a reward, and when', () => {
  it.each([
    ['inside an open window', {}, '2026-05-01T00:00:00Z', undefined],
    ['before its window', { availableFrom: at('2026-06-01T00:00:00+08:00') }, '2026-05-31T15:59:59Z', 'redemption.outside-window'],
    ['at its start', { availableFrom: at('2026-06-01T00:00:00+08:00') }, '2026-05-31T16:00:00Z', undefined],
    ['at its end (exclusive)', { availableUntil: at('2026-07-01T00:00:00+08:00') }, '2026-06-30T16:00:00Z', 'redemption.outside-window'],
    ['just before its end', { availableUntil: at('2026-07-01T00:00:00+08:00') }, '2026-06-30T15:59:59Z', undefined],
    ['retired', { status: 'retired' as const }, '2026-05-01T00:00:00Z', 'redemption.reward-retired'],
  ])('%s', (_, change, now, code) => {
    expect(availabilityRefusal({ ...reward, ...change }, at(now))?.code).toBe(code);
  });

  it('reads a member without a tier as the base tier, in lower case', () => {
    expect(effectiveTier('', 'basic')).toBe('basic');
    expect(effectiveTier('GOLD', 'basic')).toBe('gold');
  });

  it.each([
    [[], 'basic', undefined],
    [['gold', 'vip'], 'gold', undefined],
    [['gold', 'vip'], 'basic', 'redemption.tier-not-allowed'],
  ])('tiers %o and a %s member', (tiers, tier, code) => {
    const refusal = tierRefusal({ ...reward, tiers }, tier);
    expect(refusal?.code).toBe(code);
    if (refusal) expect(refusal.details).toEqual({ tier, allowedTiers: tiers });
  });

  it.each([
    [undefined, 5, 3, undefined, undefined],
    [{ quantity: 1, period: 'month' as const }, 0, 1, undefined, 1],
    [{ quantity: 1, period: 'month' as const }, 1, 1, 'redemption.limit-reached', 0],
    [{ quantity: 3, period: 'week' as const }, 1, 2, undefined, 2],
    [{ quantity: 3, period: 'week' as const }, 2, 2, 'redemption.limit-reached', 1],
  ])('limit %o with %i used, %i more', (limit, used, quantity, code, remaining) => {
    expect(limitRefusal(limit, used, quantity)?.code).toBe(code);
    expect(limitRemaining(limit, used)).toBe(remaining);
  });

  it.each([
    [500, 500, undefined],
    [501, 500, 'redemption.insufficient-points'],
    [1, -20, 'redemption.insufficient-points'],
  ])('%i points with %i available', (points, available, code) => {
    expect(pointsRefusal(points, available)?.code).toBe(code);
  });
});
