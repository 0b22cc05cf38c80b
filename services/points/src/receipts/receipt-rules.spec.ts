import { checkReceipt, dailySlotKey, duplicateKey, sameSale, submissionDeadline, type ReceiptLimits } from './receipt-rules';

const limits: ReceiptLimits = {
  timeZone: 'Asia/Shanghai',
  submissionDays: 30,
  minAmountMinor: 1_000,
  maxAmountMinor: 100_000_000,
  clockSkewMs: 300_000,
};
const now = new Date('2026-11-27T04:00:00Z'); // 12:00 on 27 November in Shanghai

describe('receipt rules', () => {
  describe('the submission cut-off', () => {
    it.each([
      // A purchase at 21:00 on 1 November (Shanghai) may be submitted until the end of 1 December there.
      ['2026-11-01T13:00:00Z', '2026-12-01T16:00:00.000Z'],
      // 00:30 on 2 November in Shanghai is still 1 November in UTC: the centre's day counts.
      ['2026-11-01T16:30:00Z', '2026-12-02T16:00:00.000Z'],
      ['2026-12-31T15:59:59Z', '2027-01-30T16:00:00.000Z'],
    ])('a purchase at %s may be submitted until %s', (purchasedAt, deadline) => {
      expect(submissionDeadline(new Date(purchasedAt), limits).toISOString()).toBe(deadline);
    });

    it('counts days in the centre time zone, not in UTC', () => {
      const purchasedAt = new Date('2026-11-01T13:00:00Z');
      expect(submissionDeadline(purchasedAt, { ...limits, timeZone: 'UTC' }).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    });

    it('refuses a receipt on the first instant after the deadline and accepts one just before, naming purchasedAt', () => {
      const purchasedAt = new Date('2026-10-28T02:00:00Z'); // 28 October, 10:00 in Shanghai: deadline 27 November 24:00
      const deadline = submissionDeadline(purchasedAt, limits);
      const facts = { purchasedAt, amountMinor: 5_000, currency: 'CNY' };
      expect(checkReceipt(facts, limits, new Date(deadline.getTime() - 1))).toBeUndefined();
      expect(checkReceipt(facts, limits, deadline)).toMatchObject({ code: 'receipt.too-late', field: 'purchasedAt' });
    });
  });

  it.each([
    ['below the minimum', { amountMinor: 999 }, 'receipt.amount-below-minimum', 'amountMinor'],
    ['above the limit', { amountMinor: 100_000_001 }, 'receipt.amount-absurd', 'amountMinor'],
    ['in no known currency', { currency: 'XYZ' }, 'receipt.currency-unknown', 'currency'],
    ['in the future beyond clock drift', { purchasedAt: new Date(now.getTime() + 300_001) }, 'receipt.in-the-future', 'purchasedAt'],
    ['older than the cut-off', { purchasedAt: new Date('2026-10-27T15:59:59Z') }, 'receipt.too-late', 'purchasedAt'],
  ])('refuses a receipt %s', (_, change, code, field) => {
    const facts = { purchasedAt: new Date('2026-11-26T04:00:00Z'), amountMinor: 5_000, currency: 'CNY', ...change };
    expect(checkReceipt(facts, limits, now)).toMatchObject({ code, field });
  });

  it.each([
    ['the minimum amount exactly', { amountMinor: 1_000 }],
    ['a purchase within the clock drift', { purchasedAt: new Date(now.getTime() + 300_000) }],
    ['a purchase on the last day of the window', { purchasedAt: new Date('2026-10-27T16:00:00Z') }],
  ])('accepts %s', (_, change) => {
    const facts = { purchasedAt: new Date('2026-11-26T04:00:00Z'), amountMinor: 5_000, currency: 'CNY', ...change };
    expect(checkReceipt(facts, limits, now)).toBeUndefined();
  });

  describe('the duplicate key', () => {
    const receipt = { tenantId: 'starbucks-l1', receiptNumber: 'R-1', purchasedAt: new Date('2026-11-26T04:00:00Z'), amountMinor: 5_000 };

    it('is the same for the same tenant, receipt number, centre-local day and amount', () => {
      const laterThatDay = { ...receipt, purchasedAt: new Date('2026-11-26T15:59:59Z') };
      expect(duplicateKey(laterThatDay, 'Asia/Shanghai')).toBe(duplicateKey(receipt, 'Asia/Shanghai'));
      expect(duplicateKey(receipt, 'Asia/Shanghai')).toBe('starbucks-l1|R-1|2026-11-26|5000');
    });

    it.each([
      ['tenant', { tenantId: 'starbucks-l2' }],
      ['receipt number', { receiptNumber: 'R-2' }],
      ['centre-local day', { purchasedAt: new Date('2026-11-26T16:00:00Z') }],
      ['amount', { amountMinor: 5_001 }],
    ])('differs with the %s', (_, change) => {
      expect(duplicateKey({ ...receipt, ...change }, 'Asia/Shanghai')).not.toBe(duplicateKey(receipt, 'Asia/Shanghai'));
    });
  });

  describe('the per-day limit key', () => {
    const facts = { memberId: 'm-1', tenantId: 'starbucks-l1', purchasedAt: new Date('2026-11-26T17:00:00Z') };

    it('names the member, the tenant, the purchase\'s centre-local day and the place', () => {
      // 01:00 on 27 November in Shanghai, still 26 November in UTC.
      expect(dailySlotKey(facts, 'Asia/Shanghai', 2)).toBe('m-1|starbucks-l1|2026-11-27|2');
      expect(dailySlotKey(facts, 'UTC', 2)).toBe('m-1|starbucks-l1|2026-11-26|2');
    });

    it('gives every place of a day its own key, and other members and tenants their own places', () => {
      const keys = new Set([1, 2, 3].map((slot) => dailySlotKey(facts, 'Asia/Shanghai', slot)));
      expect(keys.size).toBe(3);
      expect(keys.has(dailySlotKey({ ...facts, memberId: 'm-2' }, 'Asia/Shanghai', 1))).toBe(false);
      expect(keys.has(dailySlotKey({ ...facts, tenantId: 'zara-l2' }, 'Asia/Shanghai', 1))).toBe(false);
    });
  });

  it('matches a till\'s sale on tenant, receipt number, amount and currency', () => {
    const receipt = { tenantId: 't', receiptNumber: 'R-1', amountMinor: 5_000, currency: 'CNY' };
    expect(sameSale(receipt, { ...receipt })).toBe(true);
    expect(sameSale(receipt, { ...receipt, amountMinor: 5_001 })).toBe(false);
    expect(sameSale(receipt, { ...receipt, currency: 'HKD' })).toBe(false);
    expect(sameSale(receipt, { ...receipt, receiptNumber: 'R-2' })).toBe(false);
    expect(sameSale(receipt, { tenantId: 't', receiptNumber: 'R-1' })).toBe(false);
  });
});
