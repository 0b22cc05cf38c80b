import { termsProblems } from './agreement-terms-rules';
import { exampleOffer, exampleTerms } from './agreement-terms.examples';

const TIERS = new Set(['basic', 'silver', 'gold', 'vip']);
const fields = (terms: Parameters<typeof termsProblems>[0]) => termsProblems(terms, TIERS).map((problem) => problem.field);

describe('the rules of an agreement\'s terms', () => {
  it('accept a sound agreement', () => {
    expect(termsProblems(exampleTerms(), TIERS)).toEqual([]);
  });

  it('name a validity that ends before it starts, and days that are not days', () => {
    expect(fields(exampleTerms({ validFrom: '2027-05-01', validUntil: '2027-04-30' }))).toEqual(['validUntil']);
    expect(fields(exampleTerms({ validFrom: '2027-02-30' }))).toEqual(['validFrom']);
  });

  it('name an unknown tier by its place in the offer', () => {
    const problems = termsProblems(exampleTerms({ offers: [exampleOffer({ tiers: ['gold', 'diamond'] })] }), TIERS);
    expect(problems).toEqual([{ field: 'offers.0.tiers.1', message: 'is not a tier of the programme (basic, silver, gold, vip)' }]);
  });

  it('need at least one offer, with distinct ids', () => {
    expect(fields(exampleTerms({ offers: [] }))).toEqual(['offers']);
    expect(fields(exampleTerms({ offers: [exampleOffer(), exampleOffer()] }))).toEqual(['offers.1.offerId']);
  });

  it.each([
    [{ kind: 'percentage' as const, percentOff: 100 }, 'offers.0.benefit.percentOff'],
    [{ kind: 'amount-off' as const, amountOffMinor: 50_00, minSpendMinor: 30_00 }, 'offers.0.benefit.amountOffMinor'],
    [{ kind: 'points-multiplier' as const, pointsMultiplier: 1 }, 'offers.0.benefit.pointsMultiplier'],
    [{ kind: 'points-multiplier' as const, pointsMultiplier: 1.25 }, 'offers.0.benefit.pointsMultiplier'],
  ])('check each benefit kind: %o', (benefit, field) => {
    expect(fields(exampleTerms({ offers: [exampleOffer({ benefit })] }))).toEqual([field]);
  });

  it('accept a free item and an amount off a minimum spend that are sound', () => {
    const item = { 'zh-Hant': '甜品一客', 'zh-Hans': '甜品一份', en: 'a dessert' };
    expect(fields(exampleTerms({ offers: [exampleOffer({ benefit: { kind: 'free-item', item } })] }))).toEqual([]);
    expect(fields(exampleTerms({ offers: [exampleOffer({ benefit: { kind: 'amount-off', amountOffMinor: 20_00, minSpendMinor: 200_00 } })] }))).toEqual([]);
  });

  it('need the terms in every language, and hours that make sense', () => {
    const offer = exampleOffer({ terms: { 'zh-Hant': '九折', 'zh-Hans': ' ', en: 'x' }, window: { weekdays: [1, 8], from: '18:00', until: '12:00' } });
    expect(fields(exampleTerms({ offers: [offer] }))).toEqual(['offers.0.window.weekdays.1', 'offers.0.window.until', 'offers.0.terms.zh-Hans']);
  });

  it('need the tenant\'s share of a shared offer, and only of one', () => {
    expect(fields(exampleTerms({ offers: [exampleOffer({ fundedBy: 'shared' })] }))).toEqual(['offers.0.tenantSharePercent']);
    expect(fields(exampleTerms({ offers: [exampleOffer({ fundedBy: 'centre', tenantSharePercent: 50 })] }))).toEqual(['offers.0.tenantSharePercent']);
    expect(fields(exampleTerms({ offers: [exampleOffer({ fundedBy: 'shared', tenantSharePercent: 60 })] }))).toEqual([]);
  });
});
