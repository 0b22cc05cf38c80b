import type { LedgerCause, LedgerEntry } from '../../ledger/ledger-entry.entity';
import { PeriodStatementBuilder } from './period-statement';
import { boundsOf, nextPeriod, periodOf, periodOfEntry, previousPeriod } from './settlement-period';

const SHANGHAI = 'Asia/Shanghai';
const VALUE = { milliMinorPerPoint: 1_000, currency: 'CNY', tenantFundingBasisPoints: 10_000 };

function entry(id: string, cause: LedgerCause, deltas: LedgerEntry['deltas']): LedgerEntry {
  const at = new Date('2026-10-10T10:00:00+08:00');
  const kind = cause.type === 'purchase' || cause.type === 'receipt' ? 'earn' : cause.type;
  return { id, memberId: 'm', kind, deltas, cause, occurredAt: at, recordedAt: at };
}
const sale = (tenantId: string, receiptNumber: string): LedgerCause => ({ type: 'purchase', tenantId, receiptNumber, amountMinor: 1, currency: 'CNY', sourceEventId: 'e' });
const refund = (tenantId: string, receiptNumber: string): LedgerCause => ({ type: 'refund', tenantId, receiptNumber, refundNumber: `${receiptNumber}r`, amountMinor: 1, currency: 'CNY', sourceEventId: 'e' });
const redemption = (redemptionId: string, funding: { by: 'centre' | 'tenant'; tenantId?: string; tenantShareBasisPoints: number }): LedgerCause => ({
  type: 'redemption',
  redemptionId,
  code: 'c',
  rewardId: 'w',
  rewardName: 'Gift',
  rewardKind: 'gift',
  quantity: 1,
  channel: 'desk',
  funding,
});

describe('settlement periods', () => {
  it('are the centre\'s calendar months', () => {
    expect(periodOf(new Date('2026-10-31T16:30:00Z'), SHANGHAI)).toBe('2026-11');
    expect(periodOf(new Date('2026-10-31T15:59:59Z'), SHANGHAI)).toBe('2026-10');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(boundsOf('2026-02', SHANGHAI)).toEqual({ start: new Date('2026-01-31T16:00:00Z'), end: new Date('2026-02-28T16:00:00Z') });
  });

  it.each<[string, string, [string, string][], string]>([
    ['in its own open period', '2026-10-10T10:00:00+08:00', [], '2026-10'],
    ['recorded before its period closed', '2026-10-10T10:00:00+08:00', [['2026-10', '2026-11-01T06:00:00+08:00']], '2026-10'],
    ['back-dated after the close: the next period', '2026-11-02T10:00:00+08:00', [['2026-10', '2026-11-01T06:00:00+08:00']], '2026-11'],
    ['the next period closed too: the first open one', '2026-12-05T10:00:00+08:00', [['2026-10', '2026-11-01T06:00:00+08:00'], ['2026-11', '2026-12-01T06:00:00+08:00']], '2026-12'],
    ['the next period closed after it was recorded', '2026-11-20T10:00:00+08:00', [['2026-10', '2026-11-01T06:00:00+08:00'], ['2026-11', '2026-12-01T06:00:00+08:00']], '2026-11'],
  ])('an entry of October %s counts in the right period', (_description, recordedAt, closed, period) => {
    const closedAt = new Map(closed.map(([key, at]) => [key, new Date(at)]));
    expect(periodOfEntry({ occurredAt: new Date('2026-10-10T10:00:00+08:00'), recordedAt: new Date(recordedAt) }, closedAt, SHANGHAI)).toBe(period);
  });
});

describe('a period\'s statements', () => {
  it('charges tenants for the points their sales issued, credits them their share of the rewards they fund, and totals the centre', () => {
    const builder = new PeriodStatementBuilder('2026-10', { ...VALUE, milliMinorPerPoint: 1_500, tenantFundingBasisPoints: 8_000 });
    const add = (e: LedgerEntry, period = '2026-10', occurred = period) => builder.add(e, period, occurred);
    add(entry('earn:t1:1', sale('t1', '1'), { pending: 1_000, lifetimeEarned: 1_000 }));
    add(entry('earn:t1:2', sale('t1', '2'), { pending: 333, lifetimeEarned: 333 }));
    add(entry('refund:t1:1r', refund('t1', '1'), { pending: -100, lifetimeEarned: -100 }));
    add(entry('earn:t2:1', sale('t2', '1'), { pending: 50, lifetimeEarned: 50 }));
    add(entry('mature:earn:t1:1', { type: 'maturity', saleEntryId: 'earn:t1:1', earnedAt: new Date(), runId: 'r' }, { pending: -900, available: 900 }));
    add(entry('redeem:a', redemption('a', { by: 'tenant', tenantId: 't2', tenantShareBasisPoints: 5_000 }), { available: -300, redeemed: 300 }));
    add(entry('redeem:b', redemption('b', { by: 'tenant', tenantId: 't2', tenantShareBasisPoints: 5_000 }), { available: -201, redeemed: 201 }));
    add(entry('redeem-cancel:b', { type: 'redemption-cancel', redemptionId: 'b', code: 'c', rewardId: 'w', reason: 'staff' }, { available: 201, redeemed: -201 }));
    add(entry('redeem:c', redemption('c', { by: 'centre', tenantShareBasisPoints: 0 }), { available: -100, redeemed: 100 }));
    add(entry('expire:m:2025-12-31', { type: 'expiry', expiryDate: '2025-12-31', policy: 'end-of-year-after', runId: 'r' }, { available: -7, expired: 7 }));
    // Before the period: in the liability only. After it: in nothing.
    add(entry('adjust:x', { type: 'adjustment', adjustmentId: 'x', reason: 'r', staffId: 's' }, { available: 40 }), '2026-09');
    add(entry('earn:t1:9', sale('t1', '9'), { pending: 999, lifetimeEarned: 999 }), '2026-11');
    // A sale of September recorded after September closed: counted here, as late.
    add(entry('earn:t2:late', sale('t2', 'late'), { pending: 20, lifetimeEarned: 20 }), '2026-10', '2026-09');

    const { tenants, centre } = builder.build();
    expect(tenants).toEqual([
      {
        tenantId: 't1',
        pointsIssued: 1_333,
        pointsReversed: 100,
        netPointsIssued: 1_233,
        issuedValueMinor: 1_850, // 1233 × 1.5 = 1849.5, rounded half up
        issuedChargeMinor: 1_480, // × 80% = 1479.6
        fundedRedemptions: { count: 0, points: 0, valueMinor: 0, tenantShareMinor: 0 },
        netMinor: 1_480,
        lateEntries: { entries: 0, points: 0 },
      },
      {
        tenantId: 't2',
        pointsIssued: 70,
        pointsReversed: 0,
        netPointsIssued: 70,
        issuedValueMinor: 105,
        issuedChargeMinor: 84,
        fundedRedemptions: { count: 1, points: 300, valueMinor: 450, tenantShareMinor: 225 },
        netMinor: 84 - 225,
        lateEntries: { entries: 1, points: 20 },
      },
    ]);
    expect(centre).toEqual({
      currency: 'CNY',
      netPointsIssued: 1_303,
      issuedValueMinor: 1_955, // 1954.5
      tenantChargesMinor: 1_564,
      redemptions: { count: 2, points: 400, valueMinor: 600, tenantShareMinor: 225, centreShareMinor: 375 },
      pointsMatured: 900,
      pointsExpired: 7,
      pointsAdjusted: 0,
      tenantsNetMinor: 1_480 + 84 - 225,
      // Pending 1000 + 333 − 100 + 50 + 20, matured 900 of them (same total), spent 400, expired 7, credited 40 before.
      liability: { points: 1_303 - 400 - 7 + 40, valueMinor: 1_404 },
      lateEntries: 1,
    });
  });

  it('gives the same statements whatever order the entries come in', () => {
    const entries = [
      entry('redeem-cancel:a', { type: 'redemption-cancel', redemptionId: 'a', code: 'c', rewardId: 'w', reason: 'staff' }, { available: 300, redeemed: -300 }),
      entry('earn:t1:1', sale('t1', '1'), { pending: 10, lifetimeEarned: 10 }),
      entry('redeem:a', redemption('a', { by: 'tenant', tenantId: 't1', tenantShareBasisPoints: 10_000 }), { available: -300, redeemed: 300 }),
    ];
    const forwards = new PeriodStatementBuilder('2026-10', VALUE);
    const backwards = new PeriodStatementBuilder('2026-10', VALUE);
    for (const e of entries) forwards.add(e, '2026-10', '2026-10');
    for (const e of [...entries].reverse()) backwards.add(e, '2026-10', '2026-10');
    expect(forwards.build()).toEqual(backwards.build());
    expect(forwards.build().tenants[0].fundedRedemptions).toEqual({ count: 0, points: 0, valueMinor: 0, tenantShareMinor: 0 });
  });
});
