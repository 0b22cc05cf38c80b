import type { Campaign, EarningRuleDefinition } from './earning-rule-set.entity';
import { validateEarningRules } from './earning-rule-set.validation';

const now = new Date('2025-03-01T10:00:00+08:00');

const memberDay: Campaign = {
  id: 'member-day',
  name: '會員日雙倍積分',
  from: new Date('2025-04-01T00:00:00+08:00'),
  to: new Date('2026-01-01T00:00:00+08:00'),
  weekdays: [3],
  multiplierPermille: 2000,
};

const anniversary: Campaign = {
  id: 'anniversary',
  name: '周年慶',
  from: new Date('2025-05-01T00:00:00+08:00'),
  to: new Date('2025-05-08T00:00:00+08:00'),
  tenantIds: ['T-1'],
  categories: ['fashion'],
  tiers: ['GOLD'],
  extraPoints: 100,
};

/** A set that breaks no rule: every case below changes one thing. */
const valid: EarningRuleDefinition = {
  effectiveFrom: new Date('2025-04-01T00:00:00+08:00'),
  currency: 'CNY',
  baseRate: { points: 1, perAmountMinor: 100 },
  rounding: 'floor',
  tierMultipliers: { SILVER: 1200, GOLD: 1500, VIP: 2000 },
  tenantMultipliers: { 'T-FOOD': 2000 },
  categoryMultipliers: { dining: 1500 },
  excludedTenants: ['T-BANK'],
  excludedCategories: ['tobacco'],
  campaigns: [memberDay, anniversary],
  maxPointsPerPurchase: 5000,
  maxPointsPerDay: 20000,
};

/** Lets a case put values of the wrong type where the types would not allow them (they arrive from HTTP records). */
function loose(value: unknown): never {
  return value as never;
}

function withCampaign(index: number, change: Partial<Record<keyof Campaign, unknown>>): Partial<EarningRuleDefinition> {
  return { campaigns: valid.campaigns.map((campaign, at) => (at === index ? ({ ...campaign, ...change } as Campaign) : campaign)) };
}

describe('validateEarningRules', () => {
  it('finds nothing wrong with a consistent set', () => {
    expect(validateEarningRules(valid, now)).toEqual([]);
  });

  it.each<[string, Partial<EarningRuleDefinition>, string[]]>([
    // Base rate
    ['0 points', { baseRate: { points: 0, perAmountMinor: 100 } }, ['baseRate.points']],
    ['a fraction of a point', { baseRate: { points: 1.5, perAmountMinor: 100 } }, ['baseRate.points']],
    ['a negative amount', { baseRate: { points: 1, perAmountMinor: -100 } }, ['baseRate.perAmountMinor']],
    ['a fraction of a fen', { baseRate: { points: 1, perAmountMinor: 0.5 } }, ['baseRate.perAmountMinor']],
    ['an unknown rounding', { rounding: loose('bankers') }, ['rounding']],
    // Multipliers
    ['a fractional permille', { tierMultipliers: { GOLD: 1500.5 } }, ['tierMultipliers.GOLD']],
    ['a negative permille', { tierMultipliers: { GOLD: -1 } }, ['tierMultipliers.GOLD']],
    ['more than ×100', { tenantMultipliers: { 'T-FOOD': 100_001 } }, ['tenantMultipliers.T-FOOD']],
    ['a permille that is not a number', { categoryMultipliers: loose({ dining: '2000' }) }, ['categoryMultipliers.dining']],
    ['multipliers that are not an object', { categoryMultipliers: loose([1500]) }, ['categoryMultipliers']],
    // Contradictions: excluded and multiplied
    ['a tenant both excluded and multiplied', { excludedTenants: ['T-FOOD'] }, ['excludedTenants.0', 'tenantMultipliers.T-FOOD']],
    ['a category both excluded and multiplied', { excludedCategories: ['tobacco', 'dining'] }, ['excludedCategories.1', 'categoryMultipliers.dining']],
    ['a campaign bonus for an excluded tenant', withCampaign(1, { tenantIds: ['T-1', 'T-BANK'] }), ['campaigns.1.tenantIds.1']],
    ['a campaign bonus for an excluded category', withCampaign(1, { categories: ['tobacco'] }), ['campaigns.1.categories.0']],
    ['an empty excluded tenant', { excludedTenants: [''] }, ['excludedTenants.0']],
    // Campaigns
    ['a campaign ending when it starts', withCampaign(1, { to: anniversary.from }), ['campaigns.1.to']],
    ['a campaign ending before it starts', withCampaign(0, { to: new Date('2025-01-01T00:00:00Z') }), ['campaigns.0.to']],
    ['a campaign without a valid start', withCampaign(0, { from: new Date('nonsense') }), ['campaigns.0.from']],
    ['a campaign with both a multiplier and extra points', withCampaign(0, { extraPoints: 10 }), ['campaigns.0.multiplierPermille', 'campaigns.0.extraPoints']],
    [
      'a campaign with neither a multiplier nor extra points',
      withCampaign(1, { extraPoints: undefined }),
      ['campaigns.1.multiplierPermille', 'campaigns.1.extraPoints'],
    ],
    ['a campaign multiplier above ×100', withCampaign(0, { multiplierPermille: 200_000 }), ['campaigns.0.multiplierPermille']],
    ['0 extra points', withCampaign(1, { extraPoints: 0 }), ['campaigns.1.extraPoints']],
    ['fractional extra points', withCampaign(1, { extraPoints: 2.5 }), ['campaigns.1.extraPoints']],
    ['two campaigns with one id', withCampaign(1, { id: 'member-day' }), ['campaigns.1.id']],
    ['a campaign without a name', withCampaign(0, { name: ' ' }), ['campaigns.0.name']],
    ['weekday 7', withCampaign(0, { weekdays: [3, 7] }), ['campaigns.0.weekdays.1']],
    ['weekday -1', withCampaign(0, { weekdays: [-1] }), ['campaigns.0.weekdays.0']],
    ['weekday 3.5', withCampaign(0, { weekdays: [3.5] }), ['campaigns.0.weekdays.0']],
    ['no weekday at all (would never apply)', withCampaign(0, { weekdays: [] }), ['campaigns.0.weekdays']],
    ['a tier filter naming no tier (would never apply)', withCampaign(1, { tiers: [] }), ['campaigns.1.tiers']],
    // Caps
    ['a per-purchase cap of 0', { maxPointsPerPurchase: 0 }, ['maxPointsPerPurchase']],
    ['a fractional per-day cap', { maxPointsPerDay: 1.5 }, ['maxPointsPerDay']],
    ['a per-purchase cap above the per-day cap', { maxPointsPerPurchase: 20_001 }, ['maxPointsPerPurchase']],
    // Currency and dates
    ['a lower-case currency', { currency: 'cny' }, ['currency']],
    ['a currency that is not a code', { currency: 'YUAN' }, ['currency']],
    ['a back-dated version', { effectiveFrom: new Date(now.getTime() - 1) }, ['effectiveFrom']],
    ['an effectiveFrom that is not a date', { effectiveFrom: new Date('2025-13-01') }, ['effectiveFrom']],
  ])('names the field(s) at fault: %s', (_name, change, fields) => {
    const problems = validateEarningRules({ ...valid, ...change }, now);
    expect(problems.map((problem) => problem.field)).toEqual(fields);
    for (const problem of problems) expect(problem.message).toMatch(/\w{3,}/);
  });

  it.each<[string, Partial<EarningRuleDefinition>]>([
    ['a version that starts now', { effectiveFrom: now }],
    ['multipliers of ×0 and ×100', { tierMultipliers: { STAFF: 0, VIP: 100_000 } }],
    ['caps that are equal', { maxPointsPerPurchase: 20_000, maxPointsPerDay: 20_000 }],
    ['only a per-day cap', { maxPointsPerPurchase: undefined }],
    ['no caps', { maxPointsPerPurchase: undefined, maxPointsPerDay: undefined }],
    ['a campaign on Sundays and Saturdays', withCampaign(0, { weekdays: [0, 6] })],
    ['a one-millisecond campaign', withCampaign(1, { to: new Date(anniversary.from.getTime() + 1) })],
    ['nothing but the base rate', { tierMultipliers: {}, tenantMultipliers: {}, categoryMultipliers: {}, excludedTenants: [], excludedCategories: [], campaigns: [] }],
  ])('accepts the edge: %s', (_name, change) => {
    expect(validateEarningRules({ ...valid, ...change }, now)).toEqual([]);
  });

  it('tells the contradiction in words that name both sides', () => {
    const [problem] = validateEarningRules({ ...valid, excludedTenants: ['T-FOOD'] }, now);
    expect(problem.message).toContain('T-FOOD');
    expect(problem.message).toMatch(/excluded.*multiplier/);
  });

  it.each([
    [4_999, ['effectiveFrom']],
    [5_000, []],
  ])('with a lead time of 5 s, a version starting %i ms from now: %o', (aheadMs, fields) => {
    const problems = validateEarningRules({ ...valid, effectiveFrom: new Date(now.getTime() + aheadMs) }, now, { leadTimeMs: 5_000 });
    expect(problems.map((problem) => problem.field)).toEqual(fields);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = validateEarningRules(
      {
        ...valid,
        currency: 'cny',
        baseRate: { points: 0, perAmountMinor: 0 },
        ...withCampaign(0, { to: memberDay.from, extraPoints: 5 }),
        maxPointsPerPurchase: 30_000,
      },
      now,
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'currency',
      'baseRate.points',
      'baseRate.perAmountMinor',
      'campaigns.0.to',
      'campaigns.0.multiplierPermille',
      'campaigns.0.extraPoints',
      'maxPointsPerPurchase',
    ]);
  });
});
