import { exampleOffer } from '../agreements/agreement-terms.examples';
import type { OfferInForce } from '../agreements/offer-overlap';
import { compileEditionContent, type BookletTenant } from './edition-content';

const tenants = new Map<string, BookletTenant>([
  ['T-1', { tenantId: 'T-1', brand: '翠華餐廳', unit: 'L2-15', floor: 'L2', category: 'dining' }],
  ['T-2', { tenantId: 'T-2', brand: '童樂坊', unit: 'B1-03', floor: 'B1', category: 'kids' }],
  ['T-3', { tenantId: 'T-3', brand: '美味廚', unit: 'L2-02', floor: 'L2', category: 'dining' }],
]);
const inForce = (tenantId: string, offerId: string, validFrom = '2027-01-01', lastDay = '2027-12-31'): OfferInForce => ({
  agreementId: `A-${tenantId}`,
  tenantId,
  validFrom,
  lastDay,
  offer: exampleOffer({ offerId }),
});

describe('an edition\'s content', () => {
  const offers = [inForce('T-1', 'o-1a'), inForce('T-2', 'o-2a'), inForce('T-3', 'o-3a'), inForce('T-1', 'o-1b')];

  it('lists each offer in force once, walking up the building unit by unit', () => {
    const content = compileEditionContent('2027-03-01', offers, tenants);
    expect(content.offers.map((offer) => [offer.tenant.unit, offer.offerId])).toEqual([
      ['B1-03', 'o-2a'],
      ['L2-02', 'o-3a'],
      ['L2-15', 'o-1a'],
      ['L2-15', 'o-1b'],
    ]);
  });

  it('groups the offers by category and by floor', () => {
    const content = compileEditionContent('2027-03-01', offers, tenants);
    expect(content.byCategory).toEqual([
      { key: 'dining', offerIds: ['o-3a', 'o-1a', 'o-1b'] },
      { key: 'kids', offerIds: ['o-2a'] },
    ]);
    expect(content.byFloor).toEqual([
      { key: 'B1', offerIds: ['o-2a'] },
      { key: 'L2', offerIds: ['o-3a', 'o-1a', 'o-1b'] },
    ]);
  });

  it('leaves out offers not in force that day and tenants not in the directory', () => {
    const content = compileEditionContent('2027-03-01', [inForce('T-1', 'late', '2027-04-01'), inForce('T-2', 'over', '2026-01-01', '2027-02-28'), inForce('T-9', 'gone')], tenants);
    expect(content.offers).toEqual([]);
  });
});
