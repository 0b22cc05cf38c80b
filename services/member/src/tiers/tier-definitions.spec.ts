import { DEFAULT_TIERS, tierDefinitionsVariable } from './tier-definitions';

function problems(json: string | undefined): string[] {
  const result = tierDefinitionsVariable.safeParse(json);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('MEMBER_TIERS', () => {
  it('defaults to 普卡, 銀卡, 金卡 and VIP', () => {
    expect(tierDefinitionsVariable.parse(undefined)).toEqual(DEFAULT_TIERS);
    expect(DEFAULT_TIERS.map((tier) => [tier.code, tier.zh, tier.qualifyMinor])).toEqual([
      ['basic', '普卡', 0],
      ['silver', '銀卡', 500_000],
      ['gold', '金卡', 2_000_000],
      ['vip', 'VIP', 8_000_000],
    ]);
  });

  it('takes a ladder of its own', () => {
    const own = [
      { code: 'member', zh: '會員', en: 'Member', qualifyMinor: 0, keepMinor: 0 },
      { code: 'star', zh: '星級', en: 'Star', qualifyMinor: 100, keepMinor: 50 },
    ];
    expect(tierDefinitionsVariable.parse(JSON.stringify(own))).toEqual(own);
  });

  it.each([
    ['not JSON', '[{code:', 'must be a JSON array'],
    ['no tier', '[]', 'at least one tier'],
    ['a first tier with a threshold', JSON.stringify([{ ...DEFAULT_TIERS[0], qualifyMinor: 10, keepMinor: 0 }]), "the first tier is everyone's"],
    ['thresholds that do not increase', JSON.stringify([DEFAULT_TIERS[0], DEFAULT_TIERS[2], DEFAULT_TIERS[1]]), 'thresholds strictly increase'],
    ['a keep threshold above the tier\'s threshold', JSON.stringify([DEFAULT_TIERS[0], { ...DEFAULT_TIERS[1], keepMinor: 600_000 }]), 'keepMinor <= qualifyMinor'],
    ['a higher tier that is easier to keep', JSON.stringify([DEFAULT_TIERS[0], DEFAULT_TIERS[1], { ...DEFAULT_TIERS[2], keepMinor: 100 }]), "must not be less than silver's"],
    ['a code used twice', JSON.stringify([DEFAULT_TIERS[0], { ...DEFAULT_TIERS[1], code: 'basic' }]), 'used by another tier'],
    ['a fraction of a fen', JSON.stringify([DEFAULT_TIERS[0], { ...DEFAULT_TIERS[1], qualifyMinor: 10.5, keepMinor: 1 }]), 'whole number'],
    ['an unknown field', JSON.stringify([{ ...DEFAULT_TIERS[0], colour: 'gold' }]), 'Unrecognized key'],
  ])('refuses %s', (_case, json, message) => {
    expect(problems(json).join('; ')).toContain(message);
  });
});
