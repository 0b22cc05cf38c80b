import { ZERO_BALANCES, type Balances } from '../accounts/account.entity';
import { historyOf, dueToExpire } from '../expiry/expiring-points';
import { expiryDateOf, parseExpiryPolicy } from '../expiry/expiry-policy';
import type { LedgerEntry } from '../ledger/ledger-entry.entity';
import { planDailySettlement } from '../settlement/daily-settlement-plan';
import { planMergeTransfer } from './merge-transfer';

const DUPLICATE = '11111111-1111-4111-8111-111111111111';
const SURVIVOR = '22222222-2222-4222-8222-222222222222';
const MERGED_AT = new Date('2026-12-07T10:00:00+08:00');
const POLICY = parseExpiryPolicy('end-of-year-after')!;
const ZONE = 'Asia/Shanghai';

function sale(receiptNumber: string, occurredAt: string, points: number): LedgerEntry {
  const at = new Date(occurredAt);
  return {
    id: `earn:t1:${receiptNumber}`,
    memberId: DUPLICATE,
    kind: 'earn',
    deltas: { pending: points, lifetimeEarned: points },
    cause: { type: 'purchase', tenantId: 't1', receiptNumber, amountMinor: points * 100, currency: 'CNY', sourceEventId: 'e' },
    occurredAt: at,
    recordedAt: at,
    maturesAt: new Date(at.getTime() + 7 * 86_400_000),
    applied: true,
  };
}

function matured(of: LedgerEntry, points: number): LedgerEntry {
  return { id: `mature:${of.id}`, memberId: DUPLICATE, kind: 'maturity', deltas: { pending: -points, available: points }, cause: { type: 'maturity', saleEntryId: of.id, earnedAt: of.occurredAt, runId: 'r' }, occurredAt: of.maturesAt!, recordedAt: of.maturesAt!, applied: true };
}

function spent(points: number): LedgerEntry {
  return { id: 'adjust:a1', memberId: DUPLICATE, kind: 'adjustment', deltas: { available: -points }, cause: { type: 'adjustment', adjustmentId: 'a1', reason: 'x', staffId: 's' }, occurredAt: MERGED_AT, recordedAt: MERGED_AT, applied: true };
}

function balancesOf(entries: readonly LedgerEntry[]): Balances {
  const sums: Record<keyof Balances, number> = { ...ZERO_BALANCES };
  for (const entry of entries) for (const field of Object.keys(sums) as (keyof Balances)[]) sums[field] += entry.deltas[field] ?? 0;
  return sums;
}

const old = sale('1', '2024-03-01T12:00:00+08:00', 1_000);
const lastYear = sale('2', '2025-05-01T12:00:00+08:00', 1_000);
const recent = sale('3', '2026-12-06T12:00:00+08:00', 1_000);
const history = [old, matured(old, 1_000), lastYear, matured(lastYear, 1_000), recent];

function plan(entries: readonly LedgerEntry[]) {
  return planMergeTransfer({ mergedMemberId: DUPLICATE, survivingMemberId: SURVIVOR, mergedAt: MERGED_AT, recordedAt: MERGED_AT, balances: balancesOf(entries), entries });
}

describe('moving a merged record\'s points', () => {
  it('takes every balance off the duplicate and gives the same to the survivor, so the liability counts them once', () => {
    const { out, in: transferIn } = plan(history);
    expect(out).toMatchObject({ id: `merge:${DUPLICATE}:out`, memberId: DUPLICATE, deltas: { available: -2_000, pending: -1_000, lifetimeEarned: -3_000 } });
    expect(transferIn).toMatchObject({ id: `merge:${DUPLICATE}:in`, memberId: SURVIVOR, deltas: { available: 2_000, pending: 1_000, lifetimeEarned: 3_000 } });
    expect(balancesOf([...history, out])).toEqual(ZERO_BALANCES);
    const liability = (e: LedgerEntry) => (e.deltas.available ?? 0) + (e.deltas.pending ?? 0);
    expect(liability(out) + liability(transferIn)).toBe(0);
  });

  it('keeps each lot\'s earning date and each pending sale\'s return window', () => {
    const cause = plan(history).in.cause;
    expect(cause).toMatchObject({
      type: 'merge-in',
      mergedFrom: DUPLICATE,
      lots: [
        { id: old.id, earnedAt: old.occurredAt, points: 1_000 },
        { id: lastYear.id, earnedAt: lastYear.occurredAt, points: 1_000 },
      ],
      pendingSales: [{ saleEntryId: recent.id, earnedAt: recent.occurredAt, maturesAt: recent.maturesAt, points: 1_000 }],
    });
  });

  it('uses up the oldest lots first for points spent on the duplicate', () => {
    const cause = plan([...history, spent(1_500)]).in.cause;
    expect(cause.type === 'merge-in' && cause.lots).toEqual([{ id: lastYear.id, earnedAt: lastYear.occurredAt, points: 500 }]);
  });

  it('lets the survivor expire the moved points on their own dates, and mature the moved pending sale', () => {
    const transferIn = { ...plan(history).in, applied: true };
    const survivorHistory = historyOf([transferIn]);
    const dateOf = (earnedAt: Date) => expiryDateOf(earnedAt, POLICY, ZONE);
    expect(dueToExpire(survivorHistory, dateOf, '2025-12-31', 2_000)).toBe(1_000);
    expect(dueToExpire(survivorHistory, dateOf, '2026-12-31', 2_000)).toBe(2_000);

    const settle = planDailySettlement({
      entries: [transferIn],
      account: { memberId: SURVIVOR, available: 2_000, pending: 1_000, appliedEntryIds: new Set() },
      runId: 'run-1',
      day: '2026-12-14',
      policy: POLICY,
      timeZone: ZONE,
      reminderDays: 0,
      now: MERGED_AT,
    });
    expect(settle.fresh.map((entry) => [entry.id, entry.memberId, entry.deltas])).toEqual([
      [`mature:${recent.id}`, SURVIVOR, { pending: -1_000, available: 1_000 }],
      // The lot earned in 2024 was due at the end of 2025: the survivor's first run expires it.
      [`expire:${SURVIVOR}:2025-12-31`, SURVIVOR, { available: -1_000, expired: 1_000 }],
    ]);
  });

  it('moves nothing it does not hold: an empty duplicate gives empty entries', () => {
    const { out, in: transferIn } = plan([]);
    expect(out.deltas).toEqual({});
    expect(transferIn.deltas).toEqual({});
  });
});
