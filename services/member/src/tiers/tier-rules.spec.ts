import { DEFAULT_TIERS } from './tier-definitions';
import { nextTierFor, rankOf, reviewDecision, tierOf, tierReachedBy, upgradeFor } from './tier-rules';

const tiers = DEFAULT_TIERS;
const codes = (tier: { code: string } | undefined) => tier?.code;

describe('tier thresholds', () => {
  it.each([
    [0, 'basic'],
    [499_999, 'basic'],
    [500_000, 'silver'],
    [1_999_999, 'silver'],
    [2_000_000, 'gold'],
    [8_000_000, 'vip'],
    [99_000_000, 'vip'],
  ])('a rolling spend of %i reaches %s', (spend, code) => {
    expect(tierReachedBy(tiers, spend).code).toBe(code);
  });

  it('counts a member without a tier, or with a code no longer configured, in the lowest tier', () => {
    expect(tierOf(tiers, undefined).code).toBe('basic');
    expect(tierOf(tiers, 'platinum').code).toBe('basic');
    expect(rankOf(tiers, 'gold')).toBe(2);
  });
});

describe('upgrade as soon as the spend reaches a tier', () => {
  it('goes up as many levels as the spend reaches', () => {
    expect(codes(upgradeFor(tiers, undefined, 500_000))).toBe('silver');
    expect(codes(upgradeFor(tiers, 'basic', 2_500_000))).toBe('gold');
  });

  it('never goes down or sideways on spend', () => {
    expect(upgradeFor(tiers, 'gold', 100)).toBeUndefined();
    expect(upgradeFor(tiers, 'silver', 600_000)).toBeUndefined();
    expect(upgradeFor(tiers, 'vip', 90_000_000)).toBeUndefined();
  });

  it('says what the next tier still needs', () => {
    expect(nextTierFor(tiers, 'silver', 1_500_000)).toEqual({ tier: tiers[2], remainingMinor: 500_000 });
    expect(nextTierFor(tiers, 'vip', 0)).toBeUndefined();
  });
});

describe('the yearly review', () => {
  it('keeps a member whose spend reaches the keep threshold, even below the threshold to reach the tier', () => {
    expect(reviewDecision(tiers, 'gold', 1_200_000)).toMatchObject({ downgraded: false, to: { code: 'gold' } });
  });

  it('takes a member below the keep threshold down one level, never more', () => {
    expect(reviewDecision(tiers, 'vip', 0)).toMatchObject({ downgraded: true, from: { code: 'vip' }, to: { code: 'gold' } });
    expect(reviewDecision(tiers, 'gold', 1_199_999)).toMatchObject({ downgraded: true, to: { code: 'silver' } });
  });

  it('leaves the lowest tier where it is', () => {
    expect(reviewDecision(tiers, undefined, 0)).toMatchObject({ downgraded: false, to: { code: 'basic' } });
    expect(reviewDecision(tiers, 'basic', 0).downgraded).toBe(false);
  });
});
