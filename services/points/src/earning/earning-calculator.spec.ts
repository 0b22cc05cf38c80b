import { computeEarning, selectRuleSet, type EarningContext, type Purchase } from './earning-calculator';
import type { Campaign, EarningRuleSet, RoundingMode } from './earning-rule-set.entity';
import { CurrencyMismatchError, InvalidPurchaseError, NoRuleSetInEffectError } from './earning.errors';
import { localDayBounds } from './local-time';

const SHANGHAI = 'Asia/Shanghai';

/** 1 point per yuan (100 fen), rounded down, nothing else: each test adds what it is about. */
function rules(overrides: Partial<EarningRuleSet> = {}): EarningRuleSet {
  return {
    version: 7,
    effectiveFrom: new Date('2025-01-01T00:00:00+08:00'),
    createdBy: 'supervisor',
    createdAt: new Date('2024-12-20T10:00:00+08:00'),
    status: 'approved',
    currency: 'CNY',
    baseRate: { points: 1, perAmountMinor: 100 },
    rounding: 'floor',
    tierMultipliers: {},
    tenantMultipliers: {},
    categoryMultipliers: {},
    excludedTenants: [],
    excludedCategories: [],
    campaigns: [],
    ...overrides,
  };
}

/** 100 yuan at tenant T-1 (fashion) by a NORMAL member on Monday 10 March 2025, 14:00 in Shanghai. */
function purchase(overrides: Partial<Purchase> = {}): Purchase {
  return {
    amountMinor: 10_000,
    currency: 'CNY',
    tenantId: 'T-1',
    category: 'fashion',
    occurredAt: new Date('2025-03-10T14:00:00+08:00'),
    memberTier: 'NORMAL',
    ...overrides,
  };
}

const context: EarningContext = { earnedTodayPoints: 0, timeZone: SHANGHAI };

function campaign(overrides: Partial<Campaign> & Pick<Campaign, 'id'>): Campaign {
  return { name: overrides.id, from: new Date('2025-01-01T00:00:00+08:00'), to: new Date('2026-01-01T00:00:00+08:00'), ...overrides };
}

describe('computeEarning', () => {
  it('earns the base rate and says which rule version made it', () => {
    expect(computeEarning(rules(), purchase(), context)).toEqual({
      points: 100,
      ruleVersion: 7,
      breakdown: { basePoints: 100, multipliers: [], extraPoints: [] },
    });
  });

  it.each([
    ['NORMAL', 100, []],
    ['SILVER', 120, [{ source: 'tier', key: 'SILVER', permille: 1200 }]],
    ['GOLD', 150, [{ source: 'tier', key: 'GOLD', permille: 1500 }]],
    ['VIP', 200, [{ source: 'tier', key: 'VIP', permille: 2000 }]],
  ])('tier %s earns %i on 100 yuan (SILVER ×1.2, GOLD ×1.5, VIP ×2, NORMAL not listed)', (memberTier, points, multipliers) => {
    const ruleSet = rules({ tierMultipliers: { SILVER: 1200, GOLD: 1500, VIP: 2000 } });
    const earning = computeEarning(ruleSet, purchase({ memberTier }), context);
    expect(earning.points).toBe(points);
    expect(earning.breakdown.multipliers).toEqual(multipliers);
  });

  it.each([
    ['an unlisted tenant and category', 'T-1', 'fashion', 'NORMAL', 100, []],
    ['a tenant ×2, no category', 'T-FOOD', undefined, 'NORMAL', 200, [{ source: 'tenant', key: 'T-FOOD', permille: 2000 }]],
    ['a category ×1.5', 'T-2', 'dining', 'NORMAL', 150, [{ source: 'category', key: 'dining', permille: 1500 }]],
    ['a category ×0.5', 'T-2', 'jewellery', 'NORMAL', 50, [{ source: 'category', key: 'jewellery', permille: 500 }]],
    ['a category ×0', 'T-2', 'gift-cards', 'NORMAL', 0, [{ source: 'category', key: 'gift-cards', permille: 0 }]],
    [
      'tier, tenant and category multiplied together (1.5 × 2 × 1.5)',
      'T-FOOD',
      'dining',
      'GOLD',
      450,
      [
        { source: 'tier', key: 'GOLD', permille: 1500 },
        { source: 'tenant', key: 'T-FOOD', permille: 2000 },
        { source: 'category', key: 'dining', permille: 1500 },
      ],
    ],
  ])('%s', (_name, tenantId, category, memberTier, points, multipliers) => {
    const ruleSet = rules({
      tierMultipliers: { GOLD: 1500 },
      tenantMultipliers: { 'T-FOOD': 2000 },
      categoryMultipliers: { dining: 1500, jewellery: 500, 'gift-cards': 0 },
    });
    const earning = computeEarning(ruleSet, purchase({ tenantId, category, memberTier }), context);
    expect(earning.points).toBe(points);
    expect(earning.breakdown.multipliers).toEqual(multipliers);
  });

  it('does not read multipliers off the object prototype (a tier called "constructor")', () => {
    expect(computeEarning(rules(), purchase({ memberTier: 'constructor' }), context).points).toBe(100);
  });

  describe('exclusions', () => {
    const ruleSet = rules({
      excludedTenants: ['T-BANK'],
      excludedCategories: ['tobacco'],
      tierMultipliers: { GOLD: 1500 },
      campaigns: [campaign({ id: 'welcome', extraPoints: 30 })],
    });

    it.each([
      ['an excluded tenant', 'T-BANK', 'finance', 'tenant'],
      ['an excluded category', 'T-1', 'tobacco', 'category'],
      ['an excluded tenant in an excluded category (tenant first)', 'T-BANK', 'tobacco', 'tenant'],
    ] as const)('%s earns nothing, not even a bonus', (_name, tenantId, category, excluded) => {
      expect(computeEarning(ruleSet, purchase({ tenantId, category, memberTier: 'GOLD' }), context)).toEqual({
        points: 0,
        ruleVersion: 7,
        breakdown: { basePoints: 0, multipliers: [], extraPoints: [], excluded },
      });
    });

    it('a purchase without a category at a tenant that is not excluded earns as usual', () => {
      const earning = computeEarning(ruleSet, purchase({ category: undefined, memberTier: 'GOLD' }), context);
      expect(earning.points).toBe(180);
      expect(earning.breakdown.excluded).toBeUndefined();
    });
  });

  describe('rounding, once, on the whole product', () => {
    it.each<[number, RoundingMode, number]>([
      [199, 'floor', 1],
      [199, 'round-half-up', 2],
      [199, 'ceil', 2],
      [150, 'floor', 1],
      [150, 'round-half-up', 2],
      [150, 'ceil', 2],
      [149, 'floor', 1],
      [149, 'round-half-up', 1],
      [149, 'ceil', 2],
      [250, 'round-half-up', 3],
      [100, 'floor', 1],
      [100, 'round-half-up', 1],
      [100, 'ceil', 1],
      [99, 'floor', 0],
      [99, 'round-half-up', 1],
      [49, 'round-half-up', 0],
      [1, 'ceil', 1],
    ])('%i minor units at 1 point per 100, %s: %i', (amountMinor, rounding, points) => {
      expect(computeEarning(rules({ rounding }), purchase({ amountMinor }), context).points).toBe(points);
    });

    it.each<[number, RoundingMode, number]>([
      // 1.5 yuan × 1.5 = 2.25 points: rounding the base first (1 × 1.5 = 1.5) would give 1 or 2 the wrong way.
      [150, 'floor', 2],
      [150, 'ceil', 3],
      // 1 yuan × 1.5 = 1.5 exactly: half goes up.
      [100, 'round-half-up', 2],
      [100, 'floor', 1],
      // 3.33 yuan × 1.5 = 4.995.
      [333, 'round-half-up', 5],
      [333, 'floor', 4],
    ])('%i minor units at ×1.5 (GOLD), %s: %i', (amountMinor, rounding, points) => {
      const ruleSet = rules({ rounding, tierMultipliers: { GOLD: 1500 } });
      expect(computeEarning(ruleSet, purchase({ amountMinor, memberTier: 'GOLD' }), context).points).toBe(points);
    });

    it('reports the base points (base rate alone, rounded) beside the multiplied points', () => {
      const ruleSet = rules({ tierMultipliers: { GOLD: 1500 } });
      const earning = computeEarning(ruleSet, purchase({ amountMinor: 150, memberTier: 'GOLD' }), context);
      expect(earning.breakdown.basePoints).toBe(1);
      expect(earning.points).toBe(2);
    });

    it('stays exact where floating-point arithmetic would not (an amount near 2^53 × 1.2 × 1.3)', () => {
      const ruleSet = rules({ tierMultipliers: { GOLD: 1200 }, tenantMultipliers: { 'T-1': 1300 } });
      const earning = computeEarning(ruleSet, purchase({ amountMinor: 2_948_524_562_413_205, memberTier: 'GOLD' }), context);
      // Math.floor(2948524562413205 * 1200 * 1300 / 100000000) is 45996983173646.
      expect(earning.points).toBe(45_996_983_173_645);
    });

    it('a base rate of several points per amount multiplies before dividing (3 points per 200 fen)', () => {
      const ruleSet = rules({ baseRate: { points: 3, perAmountMinor: 200 }, rounding: 'round-half-up' });
      expect(computeEarning(ruleSet, purchase({ amountMinor: 333 }), context).points).toBe(5);
    });
  });

  describe('campaign bonus windows', () => {
    const spring = campaign({
      id: 'spring',
      from: new Date('2025-03-01T00:00:00+08:00'),
      to: new Date('2025-04-01T00:00:00+08:00'),
      multiplierPermille: 2000,
    });

    it.each([
      ['1 ms before it starts', '2025-02-28T15:59:59.999Z', 100],
      ['the instant it starts', '2025-02-28T16:00:00.000Z', 200],
      ['inside it', '2025-03-15T12:00:00+08:00', 200],
      ['1 ms before it ends', '2025-03-31T15:59:59.999Z', 200],
      ['the instant it ends (to is exclusive)', '2025-03-31T16:00:00.000Z', 100],
    ])('a purchase %s (%s) earns %i', (_name, occurredAt, points) => {
      expect(computeEarning(rules({ campaigns: [spring] }), purchase({ occurredAt: new Date(occurredAt) }), context).points).toBe(points);
    });

    const memberDay = campaign({ id: 'member-day', weekdays: [3], multiplierPermille: 2000 });

    it.each([
      ['Wednesday 10:00 in Shanghai', '2025-03-05T02:00:00Z', SHANGHAI, 200],
      ['Wednesday 00:30 in Shanghai (still Tuesday in UTC)', '2025-03-04T16:30:00Z', SHANGHAI, 200],
      ['Tuesday 23:59 in Shanghai', '2025-03-04T15:59:59Z', SHANGHAI, 100],
      ['Thursday 01:00 in Shanghai (still Wednesday in UTC)', '2025-03-05T17:00:00Z', SHANGHAI, 100],
      ['the same instant read on a UTC clock: Wednesday', '2025-03-05T17:00:00Z', 'UTC', 200],
      ['Tuesday 16:30 UTC read on a UTC clock', '2025-03-04T16:30:00Z', 'UTC', 100],
    ])('member day (every Wednesday): %s (%s, %s) earns %i', (_name, occurredAt, timeZone, points) => {
      const earning = computeEarning(rules({ campaigns: [memberDay] }), purchase({ occurredAt: new Date(occurredAt) }), {
        earnedTodayPoints: 0,
        timeZone,
      });
      expect(earning.points).toBe(points);
    });

    it('member day doubles on top of the tier: GOLD ×1.5 × 2 = ×3, both recorded', () => {
      const ruleSet = rules({ tierMultipliers: { GOLD: 1500 }, campaigns: [memberDay] });
      const earning = computeEarning(ruleSet, purchase({ memberTier: 'GOLD', occurredAt: new Date('2025-03-05T11:00:00+08:00') }), context);
      expect(earning.points).toBe(300);
      expect(earning.breakdown.multipliers).toEqual([
        { source: 'tier', key: 'GOLD', permille: 1500 },
        { source: 'campaign', key: 'member-day', permille: 2000 },
      ]);
    });

    const activity = campaign({ id: 'anniversary', tenantIds: ['T-1'], categories: ['fashion'], tiers: ['GOLD'], extraPoints: 50 });

    it.each([
      ['every filter matches', {}, 150],
      ['another tenant', { tenantId: 'T-2' }, 100],
      ['another category', { category: 'dining' }, 100],
      ['no category', { category: undefined }, 100],
      ['another tier', { memberTier: 'NORMAL' }, 100],
    ])("an activity's extra points (T-1, fashion, GOLD only): %s %o earns %i", (_name, overrides: Partial<Purchase>, points) => {
      const ruleSet = rules({ tierMultipliers: {}, campaigns: [activity] });
      expect(computeEarning(ruleSet, purchase({ memberTier: 'GOLD', ...overrides }), context).points).toBe(points);
    });

    it('adds extra points after rounding the multiplied points, and records each campaign', () => {
      const ruleSet = rules({
        rounding: 'floor',
        campaigns: [spring, campaign({ id: 'gift', extraPoints: 50 }), campaign({ id: 'gift-2', extraPoints: 7 })],
      });
      const earning = computeEarning(ruleSet, purchase({ amountMinor: 10_075, occurredAt: new Date('2025-03-15T12:00:00+08:00') }), context);
      // floor(100.75 × 2) = 201, then + 50 + 7.
      expect(earning.points).toBe(258);
      expect(earning.breakdown.extraPoints).toEqual([
        { campaignId: 'gift', points: 50 },
        { campaignId: 'gift-2', points: 7 },
      ]);
    });
  });

  describe('caps', () => {
    it.each([
      ['under the cap', 40_000, undefined, 400, undefined],
      ['exactly the cap', 50_000, undefined, 500, undefined],
      ['over the cap', 100_000, undefined, 500, 'per-purchase'],
      ['under the cap until the extra points are added', 45_000, 100, 500, 'per-purchase'],
    ])('per purchase (500): %s', (_name, amountMinor, extraPoints, points, capped) => {
      const campaigns = extraPoints === undefined ? [] : [campaign({ id: 'bonus', extraPoints })];
      const earning = computeEarning(rules({ maxPointsPerPurchase: 500, campaigns }), purchase({ amountMinor }), context);
      expect(earning.points).toBe(points);
      expect(earning.breakdown.capped).toBe(capped);
    });

    it.each([
      ['nothing earned today yet', 0, 800, undefined],
      ['a day already partly used', 300, 700, 'per-day'],
      ['just enough left', 200, 800, undefined],
      ['the day used up', 1000, 0, 'per-day'],
      ['more than the cap earned today (an older, higher cap): never below 0', 1200, 0, 'per-day'],
      ['a day whose reversals outweigh its earnings: counts as nothing used', -50, 800, undefined],
    ])('per day (1000): %s', (_name, earnedTodayPoints, points, capped) => {
      const earning = computeEarning(rules({ maxPointsPerDay: 1000 }), purchase({ amountMinor: 80_000 }), { earnedTodayPoints, timeZone: SHANGHAI });
      expect(earning.points).toBe(points);
      expect(earning.breakdown.capped).toBe(capped);
    });

    it.each([
      ['the per-purchase cap decides', 0, 500, 'per-purchase'],
      ['the per-day cap decides after the per-purchase cap', 800, 200, 'per-day'],
    ])('both caps (500 a purchase, 1000 a day): %s', (_name, earnedTodayPoints, points, capped) => {
      const ruleSet = rules({ maxPointsPerPurchase: 500, maxPointsPerDay: 1000 });
      const earning = computeEarning(ruleSet, purchase({ amountMinor: 100_000 }), { earnedTodayPoints, timeZone: SHANGHAI });
      expect(earning.points).toBe(points);
      expect(earning.breakdown.capped).toBe(capped);
    });

    // The member earned 600 points at 23:30 Shanghai time; the new purchase is at 00:30, a new day
    // in Shanghai but the same day in UTC. The ledger sums the day by localDayBounds.
    const earlier = [{ at: new Date('2025-03-05T15:30:00Z'), points: 600 }];
    const at = new Date('2025-03-05T16:30:00Z');

    it.each([
      [SHANGHAI, 0, 800, undefined],
      ['UTC', 600, 400, 'per-day'],
    ])('per day at the day boundary, on the clock of %s: %i already earned today, earns %i', (timeZone, earnedToday, points, capped) => {
      const day = localDayBounds(at, timeZone);
      const earnedTodayPoints = earlier.filter((entry) => entry.at >= day.start && entry.at < day.end).reduce((sum, entry) => sum + entry.points, 0);
      expect(earnedTodayPoints).toBe(earnedToday);
      const earning = computeEarning(rules({ maxPointsPerDay: 1000 }), purchase({ amountMinor: 80_000, occurredAt: at }), { earnedTodayPoints, timeZone });
      expect(earning.points).toBe(points);
      expect(earning.breakdown.capped).toBe(capped);
    });
  });

  describe('purchases the rules cannot price', () => {
    /** The fields named by the domain error `compute` throws. */
    function fieldsRefused(compute: () => unknown): string[] {
      try {
        compute();
      } catch (error) {
        return (error as InvalidPurchaseError).fields.map((problem) => problem.field);
      }
      throw new Error('expected the purchase to be refused');
    }

    it('refuses another currency, naming the field', () => {
      expect(() => computeEarning(rules(), purchase({ currency: 'HKD' }), context)).toThrow(CurrencyMismatchError);
      expect(fieldsRefused(() => computeEarning(rules(), purchase({ currency: 'HKD' }), context))).toEqual(['currency']);
    });

    it.each([0, -100, 99.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses an amount of %p minor units', (amountMinor) => {
      expect(() => computeEarning(rules(), purchase({ amountMinor }), context)).toThrow(InvalidPurchaseError);
      expect(fieldsRefused(() => computeEarning(rules(), purchase({ amountMinor }), context))).toEqual(['amountMinor']);
    });

    it('refuses an invalid instant', () => {
      expect(fieldsRefused(() => computeEarning(rules(), purchase({ occurredAt: new Date('not a date') }), context))).toEqual(['occurredAt']);
    });
  });
});

describe('selectRuleSet', () => {
  const version = (number: number, effectiveFrom: string): EarningRuleSet => rules({ version: number, effectiveFrom: new Date(effectiveFrom) });
  const v1 = version(1, '1970-01-01T00:00:00Z');
  const v2 = version(2, '2025-01-01T00:00:00+08:00');
  const v3 = version(3, '2025-07-01T00:00:00+08:00');
  // Out of order on purpose: selection goes by effectiveFrom, not by position.
  const versions = [v3, v1, v2];

  it.each([
    ['long before v2', '2020-06-01T00:00:00Z', 1],
    ['1 ms before v2 takes effect', '2024-12-31T15:59:59.999Z', 1],
    ['the instant v2 takes effect', '2024-12-31T16:00:00.000Z', 2],
    ['between v2 and v3', '2025-03-10T14:00:00+08:00', 2],
    ['the instant v3 takes effect', '2025-06-30T16:00:00.000Z', 3],
    ['after v3', '2030-01-01T00:00:00Z', 3],
  ])('%s (%s): version %i', (_name, at, expected) => {
    expect(selectRuleSet(versions, new Date(at)).version).toBe(expected);
  });

  it('of two versions with the same effectiveFrom, takes the higher (how a scheduled version is replaced)', () => {
    const v4 = version(4, '2025-07-01T00:00:00+08:00');
    expect(selectRuleSet([v4, v3, v2], new Date('2025-08-01T00:00:00Z')).version).toBe(4);
    expect(selectRuleSet([v3, v4, v2], new Date('2025-08-01T00:00:00Z')).version).toBe(4);
  });

  it('goes by effectiveFrom, not version number: a later version starting earlier rules only until the next start', () => {
    const v5 = version(5, '2025-05-01T00:00:00+08:00');
    expect(selectRuleSet([...versions, v5], new Date('2025-06-01T00:00:00Z')).version).toBe(5);
    expect(selectRuleSet([...versions, v5], new Date('2025-08-01T00:00:00Z')).version).toBe(3);
  });

  it.each([
    ['before the first version', [v2, v3], '2024-01-01T00:00:00Z'],
    ['with no version at all', [], '2025-01-01T00:00:00Z'],
  ])('fails %s', (_name, ruleSets, at) => {
    expect(() => selectRuleSet(ruleSets, new Date(at))).toThrow(NoRuleSetInEffectError);
  });
});
