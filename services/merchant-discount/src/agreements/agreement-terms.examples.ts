import type { AgreementTerms, Offer } from './agreement.entity';

/** Example terms for the rules' unit tests: one 10 % offer for gold and VIP members, every day. */
export function exampleOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    offerId: 'offer-1',
    benefit: { kind: 'percentage', percentOff: 10 },
    tiers: ['gold', 'vip'],
    window: { weekdays: [] },
    terms: { 'zh-Hant': '全單九折', 'zh-Hans': '全单九折', en: '10% off the bill' },
    fundedBy: 'tenant',
    ...overrides,
  };
}

export function exampleTerms(overrides: Partial<AgreementTerms> = {}): AgreementTerms {
  return { tenantId: 'T-0101', title: '2027 會員優惠', validFrom: '2027-01-01', validUntil: '2027-12-31', offers: [exampleOffer()], ...overrides };
}
