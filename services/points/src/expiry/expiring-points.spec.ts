import type { LedgerCause, LedgerEntry } from '../ledger/ledger-entry.entity';
import { dueToExpire, expiringBetween, historyOf, type PointsHistory } from './expiring-points';
import { expiryDateOf, parseExpiryPolicy } from './expiry-policy';

const SHANGHAI = 'Asia/Shanghai';
const endOfYearAfter = (earnedAt: Date) => expiryDateOf(earnedAt, parseExpiryPolicy('end-of-year-after')!, SHANGHAI);
const sixMonths = (earnedAt: Date) => expiryDateOf(earnedAt, parseExpiryPolicy('months-after:6')!, SHANGHAI);

const lot = (id: string, earnedAt: string, points: number) => ({ id, earnedAt: new Date(earnedAt), points });

function history(partial: Partial<PointsHistory>): PointsHistory {
  return { lots: [], consumed: 0, expiredByDate: new Map(), ...partial };
}

describe('points due to expire, oldest first', () => {
  // Earned 100 in 2024, 200 in 2025, 400 in 2026 (centre time).
  const lots = [lot('a', '2024-05-01T10:00:00+08:00', 100), lot('b', '2025-02-01T10:00:00+08:00', 200), lot('c', '2026-03-01T10:00:00+08:00', 400)];

  it.each<[string, number, number, [string, number][], number]>([
    // description, consumed, available, expired so far, due at the end of 2025
    ['nothing spent: the 2024 points expire', 0, 700, [], 100],
    ['part of the oldest spent: the rest of it expires', 30, 670, [], 70],
    ['the oldest spent entirely: nothing of 2024 is left', 100, 600, [], 0],
    ['more than the oldest spent: the next lot is not touched by 2025\'s expiry', 250, 450, [], 0],
    ['expired before: not expired twice', 0, 600, [['2025-12-31', 100]], 0],
    ['never more than is available (a refund made available negative)', 0, 40, [], 40],
    ['nothing available', 0, -20, [], 0],
  ])('%s', (_description, consumed, available, expired, due) => {
    expect(dueToExpire(history({ lots, consumed, expiredByDate: new Map(expired) }), endOfYearAfter, '2025-12-31', available)).toBe(due);
  });

  it('takes each expiry date after the earlier ones took theirs', () => {
    // End of 2025: 100 (2024's); end of 2026: 2025's 200 less the 50 spent beyond 2024's.
    const spent = history({ lots, consumed: 150 });
    expect(expiringBetween(spent, endOfYearAfter, undefined, '2026-12-31', 550)).toEqual([{ expiryDate: '2026-12-31', points: 150 }]);
    const untouched = history({ lots });
    expect(expiringBetween(untouched, endOfYearAfter, undefined, '2027-12-31', 700)).toEqual([
      { expiryDate: '2025-12-31', points: 100 },
      { expiryDate: '2026-12-31', points: 200 },
      { expiryDate: '2027-12-31', points: 400 },
    ]);
    // Up to a day: later dates are not due; from a day: earlier ones are not listed.
    expect(expiringBetween(untouched, endOfYearAfter, undefined, '2026-12-30', 700)).toEqual([{ expiryDate: '2025-12-31', points: 100 }]);
    expect(expiringBetween(history({ lots, expiredByDate: new Map([['2025-12-31', 100]]) }), endOfYearAfter, '2026-01-01', '2026-12-31', 600)).toEqual([{ expiryDate: '2026-12-31', points: 200 }]);
  });

  it('with N months after earning, dates each lot on its own', () => {
    const monthly = [lot('a', '2025-01-10T10:00:00+08:00', 100), lot('b', '2025-02-10T10:00:00+08:00', 100), lot('c', '2025-03-10T10:00:00+08:00', 100)];
    // 120 spent: all of January's, 20 of February's.
    expect(expiringBetween(history({ lots: monthly, consumed: 120 }), sixMonths, undefined, '2025-09-10', 180)).toEqual([
      { expiryDate: '2025-08-10', points: 80 },
      { expiryDate: '2025-09-10', points: 100 },
    ]);
    expect(expiringBetween(history({ lots: monthly, consumed: 120 }), sixMonths, undefined, '2025-08-09', 180)).toEqual([]);
  });

  it('expires nothing under the policy none', () => {
    const never = () => undefined;
    expect(expiringBetween(history({ lots }), never, undefined, '2099-12-31', 700)).toEqual([]);
    expect(dueToExpire(history({ lots }), never, '2099-12-31', 700)).toBe(0);
  });
});

describe('a member\'s history from the ledger', () => {
  const at = new Date('2026-01-05T10:00:00+08:00');
  const entry = (id: string, cause: LedgerCause, deltas: LedgerEntry['deltas'], occurredAt = at): LedgerEntry => ({
    id,
    memberId: 'm',
    kind: cause.type === 'purchase' || cause.type === 'receipt' ? 'earn' : cause.type,
    deltas,
    cause,
    occurredAt,
    recordedAt: occurredAt,
  });
  const sale = (receiptNumber: string): LedgerCause => ({ type: 'purchase', tenantId: 't1', receiptNumber, amountMinor: 10_000, currency: 'CNY', sourceEventId: 'e' });
  const matured = (receiptNumber: string, earnedAt: string): LedgerCause => ({ type: 'maturity', saleEntryId: `earn:t1:${receiptNumber}`, earnedAt: new Date(earnedAt), runId: 'r' });
  const refund = (receiptNumber: string, refundNumber: string): LedgerCause => ({ type: 'refund', tenantId: 't1', receiptNumber, refundNumber, amountMinor: 5_000, currency: 'CNY', sourceEventId: 'e' });
  const adjustment: LedgerCause = { type: 'adjustment', adjustmentId: 'x', reason: 'r', staffId: 's' };
  const redemption: LedgerCause = {
    type: 'redemption',
    redemptionId: 'd',
    code: 'c',
    rewardId: 'w',
    rewardName: 'n',
    rewardKind: 'gift',
    quantity: 1,
    channel: 'desk',
    funding: { by: 'centre', tenantShareBasisPoints: 0 },
  };
  const cancel: LedgerCause = { type: 'redemption-cancel', redemptionId: 'd', code: 'c', rewardId: 'w', reason: 'staff' };

  it('makes lots of matured sales (dated by the sale) and staff credits, and sums what left available otherwise', () => {
    const entries = [
      entry('earn:t1:R1', sale('R1'), { pending: 100, lifetimeEarned: 100 }),
      entry('mature:earn:t1:R1', matured('R1', '2025-03-01T10:00:00+08:00'), { pending: -100, available: 100 }),
      entry('earn:t1:R2', sale('R2'), { pending: 300, lifetimeEarned: 300 }),
      entry('mature:earn:t1:R2', matured('R2', '2025-06-01T10:00:00+08:00'), { pending: -300, available: 300 }),
      entry('adjust:a', adjustment, { available: 50 }),
      entry('adjust:b', adjustment, { available: -20 }),
      entry('redeem:d', redemption, { available: -200, redeemed: 200 }),
      entry('redeem-cancel:d', cancel, { available: 200, redeemed: -200 }),
      entry('redeem:e', redemption, { available: -70, redeemed: 70 }),
      // A refund of R2 after it matured takes R2's own points back, and only R2's.
      entry('refund:t1:F1', refund('R2', 'F1'), { available: -150, lifetimeEarned: -150 }),
      entry('expire:m:2026-12-31', { type: 'expiry', expiryDate: '2026-12-31', policy: 'end-of-year-after', runId: 'r' }, { available: -10, expired: 10 }),
    ];
    const result = historyOf(entries);
    expect(result.lots).toEqual(
      expect.arrayContaining([
        { id: 'earn:t1:R1', earnedAt: new Date('2025-03-01T10:00:00+08:00'), points: 100 },
        { id: 'earn:t1:R2', earnedAt: new Date('2025-06-01T10:00:00+08:00'), points: 150 },
        { id: 'adjust:a', earnedAt: at, points: 50 },
      ]),
    );
    expect(result.lots).toHaveLength(3);
    expect(result.consumed).toBe(20 + 70);
    expect([...result.expiredByDate]).toEqual([['2026-12-31', 10]]);
    // The invariant: available = Σ lots − consumed − Σ expired.
    const available = entries.reduce((sum, e) => sum + (e.deltas.available ?? 0), 0);
    expect(100 + 150 + 50 - 90 - 10).toBe(available);
  });

  it('counts a refund beyond its own sale\'s lot, or of a sale with no lot, as points that left available', () => {
    const entries = [
      entry('mature:earn:t1:R1', matured('R1', '2025-03-01T10:00:00+08:00'), { pending: -100, available: 100 }),
      entry('refund:t1:F1', refund('R1', 'F1'), { available: -120, lifetimeEarned: -120 }),
      entry('refund:t1:F2', refund('R9', 'F2'), { available: -5, lifetimeEarned: -5 }),
      // A refund while pending does not touch available.
      entry('refund:t1:F3', refund('R1', 'F3'), { pending: -7, lifetimeEarned: -7 }),
    ];
    const result = historyOf(entries);
    expect(result.lots).toEqual([{ id: 'earn:t1:R1', earnedAt: new Date('2025-03-01T10:00:00+08:00'), points: 0 }]);
    expect(result.consumed).toBe(20 + 5);
  });
});
