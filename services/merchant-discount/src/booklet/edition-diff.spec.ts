import { exampleOffer } from '../agreements/agreement-terms.examples';
import type { OfferInForce } from '../agreements/offer-overlap';
import { compileEditionContent, type BookletTenant } from './edition-content';
import { editionDiff } from './edition-diff';

const tenants = new Map<string, BookletTenant>([['T-1', { tenantId: 'T-1', brand: '翠華餐廳', unit: 'L2-15', floor: 'L2', category: 'dining' }]]);
const entry = (offerId: string, lastDay: string, percentOff = 10): OfferInForce => ({
  agreementId: 'A-1',
  tenantId: 'T-1',
  validFrom: '2027-01-01',
  lastDay,
  offer: exampleOffer({ offerId, benefit: { kind: 'percentage', percentOff } }),
});

describe('an edition against the one before', () => {
  it('names the offer of an expired agreement as removed, a new one as added, a changed one with its fields', () => {
    const march = compileEditionContent('2027-03-01', [entry('expires', '2027-03-31'), entry('stays', '2027-12-31')], tenants);
    const april = compileEditionContent('2027-04-01', [entry('expires', '2027-03-31'), entry('stays', '2027-12-31', 15), entry('new', '2027-12-31')], tenants);
    const diff = editionDiff(march, april);
    expect(diff.removed.map((offer) => offer.offerId)).toEqual(['expires']);
    expect(diff.added.map((offer) => offer.offerId)).toEqual(['new']);
    expect(diff.changed.map(({ offer, changes }) => [offer.offerId, changes])).toEqual([['stays', [{ path: 'benefit.percentOff', change: 'changed', before: 10, after: 15 }]]]);
  });

  it('calls every offer of the first edition added', () => {
    const first = compileEditionContent('2027-03-01', [entry('a', '2027-12-31')], tenants);
    expect(editionDiff(undefined, first)).toMatchObject({ added: first.offers, removed: [], changed: [] });
  });
});
