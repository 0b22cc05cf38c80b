import { termsDiff } from './agreement-diff';
import { exampleOffer, exampleTerms } from './agreement-terms.examples';

describe('what a new version changes', () => {
  it('names each changed field by its path, offers by their id', () => {
    const before = exampleTerms();
    const after = exampleTerms({ validUntil: '2028-01-31', offers: [exampleOffer({ benefit: { kind: 'percentage', percentOff: 15 } }), exampleOffer({ offerId: 'offer-2', tiers: [] })] });
    expect(termsDiff(before, after)).toEqual([
      { path: 'offers.offer-1.benefit.percentOff', change: 'changed', before: 10, after: 15 },
      { path: 'offers.offer-2', change: 'added', after: after.offers[1] },
      { path: 'validUntil', change: 'changed', before: '2027-12-31', after: '2028-01-31' },
    ]);
  });

  it('names a removed offer, and sees no change in a reordered list', () => {
    const two = exampleTerms({ offers: [exampleOffer(), exampleOffer({ offerId: 'offer-2' })] });
    expect(termsDiff(two, exampleTerms({ offers: [...two.offers].reverse() }))).toEqual([]);
    expect(termsDiff(two, exampleTerms())).toEqual([{ path: 'offers.offer-2', change: 'removed', before: two.offers[1] }]);
  });

  it('sees a tier list change as a change of the list', () => {
    expect(termsDiff(exampleTerms(), exampleTerms({ offers: [exampleOffer({ tiers: ['vip'] })] }))).toEqual([{ path: 'offers.offer-1.tiers', change: 'changed', before: ['gold', 'vip'], after: ['vip'] }]);
  });
});
