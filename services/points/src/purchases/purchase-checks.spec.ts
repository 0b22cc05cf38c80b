import { checkPurchase, checkSaleDate, type CheckedFields } from './purchase-checks';

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

describe('checkSaleDate', () => {
  const registeredAt = new Date('2026-11-20T02:00:00Z');
  const at = (iso: string) => checkSaleDate(new Date(iso), registeredAt, 30, now)?.code;

  it('lets a sale from the moment of registration on earn', () => {
    expect(at('2026-11-20T02:00:00Z')).toBeUndefined();
    expect(at('2026-11-20T02:00:01Z')).toBeUndefined();
  });

  it('refuses a sale from before the member registered, however recent', () => {
    expect(at('2026-11-20T01:59:59Z')).toBe('purchase.before-registration');
    expect(at('2025-06-01T00:00:00Z')).toBe('purchase.before-registration');
  });

  it('refuses a sale older than the age limit, up to which it earns', () => {
    const longMember = new Date('2020-01-01T00:00:00Z');
    expect(checkSaleDate(new Date(now.getTime() - 30 * 86_400_000), longMember, 30, now)).toBeUndefined();
    expect(checkSaleDate(new Date(now.getTime() - 30 * 86_400_000 - 1), longMember, 30, now)?.code).toBe('purchase.too-old');
  });

  it('checks only the age when the registration time is not known', () => {
    expect(checkSaleDate(new Date('2026-11-01T00:00:00Z'), undefined, 30, now)).toBeUndefined();
    expect(checkSaleDate(new Date('2026-10-01T00:00:00Z'), undefined, 30, now)?.code).toBe('purchase.too-old');
  });
});
