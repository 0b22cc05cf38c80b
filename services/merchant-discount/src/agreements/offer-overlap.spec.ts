import { exampleOffer, exampleTerms } from './agreement-terms.examples';
import { overlappingOffers, type OfferInForce } from './offer-overlap';

const inForce = (overrides: Partial<OfferInForce> = {}): OfferInForce => ({
  agreementId: 'A-older',
  tenantId: 'T-0101',
  validFrom: '2026-07-01',
  lastDay: '2027-03-31',
  offer: exampleOffer({ offerId: 'older-1', tiers: ['vip'] }),
  ...overrides,
});

describe('offers that would hold together', () => {
  const candidate = { agreementId: 'A-new', terms: exampleTerms() };

  it('are found for the same tenant, kind and tier on overlapping days', () => {
    expect(overlappingOffers(candidate, [inForce()])).toEqual([{ field: 'offers.0', message: 'meets offer older-1 of agreement A-older (percentage, tier vip, 2026-07-01 to 2027-03-31)' }]);
  });

  it('an offer for every tier meets one for any tier', () => {
    expect(overlappingOffers({ agreementId: 'A-new', terms: exampleTerms({ offers: [exampleOffer({ tiers: [] })] }) }, [inForce()])).toHaveLength(1);
  });

  it.each([
    ['another tenant', inForce({ tenantId: 'T-0202' })],
    ['another kind', inForce({ offer: exampleOffer({ offerId: 'older-1', tiers: ['vip'], benefit: { kind: 'points-multiplier', pointsMultiplier: 2 } }) })],
    ['no common tier', inForce({ offer: exampleOffer({ offerId: 'older-1', tiers: ['silver'] }) })],
    ['days that do not meet', inForce({ lastDay: '2026-12-31' })],
    ['the same agreement (its earlier version)', inForce({ agreementId: 'A-new' })],
  ])('are not found with %s', (_case, other) => {
    expect(overlappingOffers(candidate, [other])).toEqual([]);
  });

  it('weekday-only and weekend-only offers, or lunch and dinner hours, do not meet', () => {
    const weekend = { agreementId: 'A-new', terms: exampleTerms({ offers: [exampleOffer({ window: { weekdays: [6, 7] } })] }) };
    expect(overlappingOffers(weekend, [inForce({ offer: exampleOffer({ offerId: 'older-1', tiers: ['vip'], window: { weekdays: [1, 2, 3, 4, 5] } }) })])).toEqual([]);
    const dinner = { agreementId: 'A-new', terms: exampleTerms({ offers: [exampleOffer({ window: { weekdays: [], from: '17:00', until: '22:00' } })] }) };
    expect(overlappingOffers(dinner, [inForce({ offer: exampleOffer({ offerId: 'older-1', tiers: ['vip'], window: { weekdays: [], from: '11:00', until: '17:00' } }) })])).toEqual([]);
    expect(overlappingOffers(dinner, [inForce({ offer: exampleOffer({ offerId: 'older-1', tiers: ['vip'], window: { weekdays: [], from: '11:00', until: '17:01' } }) })])).toHaveLength(1);
  });
});
