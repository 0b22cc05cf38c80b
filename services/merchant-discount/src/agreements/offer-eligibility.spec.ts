import { exampleOffer } from './agreement-terms.examples';
import { offersForMember } from './offer-eligibility';
import type { OfferInForce } from './offer-overlap';

const offer = (overrides: Parameters<typeof exampleOffer>[0] = {}): OfferInForce => ({
  agreementId: 'A-1',
  tenantId: 'T-0101',
  validFrom: '2027-01-01',
  lastDay: '2027-12-31',
  offer: exampleOffer(overrides),
});
const wednesdayNoon = { day: '2027-03-03', weekday: 3, time: '12:30' };

describe('the offers a member may use at a tenant now', () => {
  it('are those for the member\'s tier, today, at this hour, under the cap', () => {
    const [result] = offersForMember([offer({ capPerMember: 3 })], 'gold', new Map([['offer-1', 1]]), wednesdayNoon);
    expect(result).toMatchObject({ usable: true, usesLeft: 2 });
  });

  it.each([
    ['tier', offer(), 'silver', wednesdayNoon],
    ['weekday', offer({ window: { weekdays: [6, 7] } }), 'gold', wednesdayNoon],
    ['hours', offer({ window: { weekdays: [], from: '17:00', until: '22:00' } }), 'gold', wednesdayNoon],
    ['hours', offer({ window: { weekdays: [], from: '11:00', until: '12:30' } }), 'gold', wednesdayNoon],
    ['not-valid-today', offer(), 'gold', { ...wednesdayNoon, day: '2028-01-01' }],
  ])('say why not: %s', (reason, entry, tier, now) => {
    expect(offersForMember([entry], tier, new Map(), now)).toEqual([expect.objectContaining({ usable: false, reason })]);
  });

  it('say when the member has used up the cap', () => {
    expect(offersForMember([offer({ capPerMember: 2 })], 'vip', new Map([['offer-1', 2]]), wednesdayNoon)).toEqual([expect.objectContaining({ usable: false, reason: 'cap-reached', usesLeft: 0 })]);
  });
});
