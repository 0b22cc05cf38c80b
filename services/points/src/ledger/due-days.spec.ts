import { parseExpiryPolicy } from '../expiry/expiry-policy';
import { dueDaysOf, type DueCalendar } from './due-days';
import type { LedgerEntry } from './ledger-entry.entity';

const CALENDAR: DueCalendar = { timeZone: 'Asia/Shanghai', policy: parseExpiryPolicy('months-after:12')! };
const MEMBER = 'm1';

function sale(occurredAt: string, recordedAt = occurredAt): LedgerEntry {
  const at = new Date(occurredAt);
  return {
    id: 'earn:t1:R1',
    memberId: MEMBER,
    kind: 'earn',
    deltas: { pending: 100, lifetimeEarned: 100 },
    cause: { type: 'purchase', tenantId: 't1', receiptNumber: 'R1', amountMinor: 10_000, currency: 'CNY', sourceEventId: 'e' },
    occurredAt: at,
    recordedAt: new Date(recordedAt),
    maturesAt: new Date(at.getTime() + 7 * 86_400_000),
  };
}

function maturity(earnedAt: string, points: number, recordedAt: string): LedgerEntry {
  return {
    id: 'mature:earn:t1:R1',
    memberId: MEMBER,
    kind: 'maturity',
    deltas: points > 0 ? { pending: -points, available: points } : {},
    cause: { type: 'maturity', saleEntryId: 'earn:t1:R1', earnedAt: new Date(earnedAt), runId: 'r' },
    occurredAt: new Date(recordedAt),
    recordedAt: new Date(recordedAt),
  };
}

describe('dueDaysOf', () => {
  it('dates a sale by the centre-local day its return window ends', () => {
    // 23:30 in Shanghai on 1 November: matures at 23:30 on the 8th, centre time.
    expect(dueDaysOf(sale('2026-11-01T23:30:00+08:00'), CALENDAR)).toEqual({ maturesOn: ['2026-11-08'] });
  });

  it('dates a matured sale\'s points by their expiry date, counted from the sale', () => {
    expect(dueDaysOf(maturity('2025-11-01T12:00:00+08:00', 100, '2025-11-09T03:30:00+08:00'), CALENDAR)).toEqual({ expiresOn: ['2026-11-01'] });
  });

  it('gives a maturity that made nothing available no expiry date', () => {
    expect(dueDaysOf(maturity('2025-11-01T12:00:00+08:00', 0, '2025-11-09T03:30:00+08:00'), CALENDAR)).toEqual({});
  });

  it('dates an entry recorded after its due day the day before it was recorded (that day\'s run may have started already)', () => {
    expect(dueDaysOf(sale('2026-10-01T12:00:00+08:00', '2026-11-20T10:00:00+08:00'), CALENDAR)).toEqual({ maturesOn: ['2026-11-19'] });
    expect(dueDaysOf(maturity('2024-01-01T12:00:00+08:00', 50, '2026-11-20T01:00:00+08:00'), CALENDAR)).toEqual({ expiresOn: ['2026-11-19'] });
  });

  it('dates a merge\'s moved pending sales and lots', () => {
    const merge: LedgerEntry = {
      id: 'merge-in:x',
      memberId: MEMBER,
      kind: 'merge-in',
      deltas: { available: 80, pending: 30 },
      cause: {
        type: 'merge-in',
        mergedFrom: 'm2',
        mergedAt: new Date('2026-11-01T12:00:00+08:00'),
        lots: [{ id: 'a', earnedAt: new Date('2026-03-05T12:00:00+08:00'), points: 80 }],
        pendingSales: [{ saleEntryId: 'earn:t1:R2', earnedAt: new Date('2026-10-30T12:00:00+08:00'), maturesAt: new Date('2026-11-06T12:00:00+08:00'), points: 30 }],
      },
      occurredAt: new Date('2026-11-01T12:00:00+08:00'),
      recordedAt: new Date('2026-11-01T12:00:00+08:00'),
    };
    expect(dueDaysOf(merge, CALENDAR)).toEqual({ maturesOn: ['2026-11-06'], expiresOn: ['2027-03-05'] });
  });

  it('gives nothing when points never expire and nothing matures', () => {
    const gift: LedgerEntry = { ...maturity('2025-11-01T12:00:00+08:00', 100, '2025-11-09T03:30:00+08:00') };
    expect(dueDaysOf(gift, { ...CALENDAR, policy: parseExpiryPolicy('none')! })).toEqual({});
  });
});
