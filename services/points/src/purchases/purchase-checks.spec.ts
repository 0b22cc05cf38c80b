import { checkPurchase, type CheckedFields } from './purchase-checks';

const now = new Date('2026-11-27T06:00:00Z');
const limits = { maxAmountMinor: 10_000_000, clockSkewMs: 5 * 60_000 };
const good: CheckedFields = { cardNumber: '8800000000000017', phone: '', amountMinor: 12_345n, currency: 'CNY', occurredAt: new Date('2026-11-27T05:00:00Z') };

describe('checkPurchase', () => {
  it('accepts a sale with a card or a phone', () => {
    expect(checkPurchase(good, limits, now)).toBeUndefined();
    expect(checkPurchase({ ...good, cardNumber: '', phone: '+8613800138000' }, limits, now)).toBeUndefined();
  });

  it.each<[string, Partial<CheckedFields>, string]>([
    ['no member named', { cardNumber: '', phone: '' }, 'purchase.member-missing'],
    ['a zero amount', { amountMinor: 0n }, 'purchase.amount-not-positive'],
    ['a negative amount', { amountMinor: -500n }, 'purchase.amount-not-positive'],
    ['an absurd amount', { amountMinor: 10_000_001n }, 'purchase.amount-absurd'],
    ['an unknown currency', { currency: 'XYZ' }, 'purchase.currency-unknown'],
    ['a lower-case currency', { currency: 'cny' }, 'purchase.currency-unknown'],
    ['a time far in the future', { occurredAt: new Date('2026-11-28T06:00:00Z') }, 'purchase.in-the-future'],
  ])('rejects %s', (_case, change, code) => {
    expect(checkPurchase({ ...good, ...change }, limits, now)?.code).toBe(code);
  });

  it('tolerates a till clock a few minutes ahead', () => {
    expect(checkPurchase({ ...good, occurredAt: new Date('2026-11-27T06:04:00Z') }, limits, now)).toBeUndefined();
  });
});
