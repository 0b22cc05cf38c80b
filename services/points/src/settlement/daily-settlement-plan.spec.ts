import type { LedgerCause, LedgerEntry } from '../ledger/ledger-entry.entity';
import { parseExpiryPolicy } from '../expiry/expiry-policy';
import { planDailySettlement, type DailyPlanInput } from './daily-settlement-plan';

const MEMBER = '6f1c1e5e-58a4-4bd8-9a0e-2b9b9c0a1d11';
const NOW = new Date('2026-11-27T02:00:00+08:00');

function sale(receiptNumber: string, occurredAt: string, points: number, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  const at = new Date(occurredAt);
  const cause: LedgerCause = { type: 'purchase', tenantId: 't1', receiptNumber, amountMinor: points * 100, currency: 'CNY', sourceEventId: 'e' };
  return { id: `earn:t1:${receiptNumber}`, memberId: MEMBER, kind: 'earn', deltas: { pending: points, lifetimeEarned: points }, cause, occurredAt: at, recordedAt: at, maturesAt: new Date(at.getTime() + 7 * 86_400_000), applied: true, ...extra };
}

function refund(receiptNumber: string, refundNumber: string, deltas: LedgerEntry['deltas'], applied = true): LedgerEntry {
  const at = new Date('2026-11-20T12:00:00+08:00');
  return { id: `refund:t1:${refundNumber}`, memberId: MEMBER, kind: 'refund', deltas, cause: { type: 'refund', tenantId: 't1', receiptNumber, refundNumber, amountMinor: 1, currency: 'CNY', sourceEventId: 'e' }, occurredAt: at, recordedAt: at, applied };
}

function input(entries: LedgerEntry[], overrides: Partial<DailyPlanInput> = {}): DailyPlanInput {
  const balances = entries.filter((e) => e.applied).reduce((sum, e) => ({ available: sum.available + (e.deltas.available ?? 0), pending: sum.pending + (e.deltas.pending ?? 0) }), { available: 0, pending: 0 });
  return {
    entries,
    account: { memberId: MEMBER, ...balances, appliedEntryIds: new Set() },
    runId: 'run-1',
    day: '2026-11-26',
    policy: parseExpiryPolicy('end-of-year-after')!,
    timeZone: 'Asia/Shanghai',
    reminderDays: 40,
    now: NOW,
    ...overrides,
  };
}

/** The ledger after a plan: its new entries in, everything applied. */
function settled(entries: LedgerEntry[], plan: ReturnType<typeof planDailySettlement>): LedgerEntry[] {
  return [...entries.map((e) => ({ ...e, applied: true })), ...plan.fresh.map((e) => ({ ...e, applied: true }))];
}

describe('settling a member for a day', () => {
  it('matures sales whose return window ended by the day\'s end, net of refunds, once', () => {
    const entries = [
      sale('R1', '2026-11-19T10:00:00+08:00', 100), // window ends 26 Nov 10:00: matures
      sale('R2', '2026-11-19T23:59:00+08:00', 40), // ends 26 Nov 23:59: matures
      sale('R3', '2026-11-20T00:30:00+08:00', 70), // ends 27 Nov: not yet
      sale('R4', '2026-11-18T10:00:00+08:00', 60),
      refund('R4', 'F1', { pending: -25, lifetimeEarned: -25 }),
      // A refund in the ledger that its redelivery has not posted yet still counts.
      refund('R1', 'F2', { pending: -10, lifetimeEarned: -10 }, false),
    ];
    const plan = planDailySettlement(input(entries));
    expect(plan.fresh.map((e) => [e.id, e.deltas])).toEqual([
      ['mature:earn:t1:R1', { pending: -90, available: 90 }],
      ['mature:earn:t1:R2', { pending: -40, available: 40 }],
      ['mature:earn:t1:R4', { pending: -35, available: 35 }],
    ]);
    expect(plan.fresh[0]).toMatchObject({ kind: 'maturity', cause: { type: 'maturity', saleEntryId: 'earn:t1:R1', earnedAt: new Date('2026-11-19T10:00:00+08:00'), runId: 'run-1' } });
    expect(plan.toPost).toEqual(plan.fresh);
    expect(plan.matured).toEqual({ entries: 3, points: 165 });

    const again = planDailySettlement(input(settled(entries, plan), { runId: 'run-2' }));
    expect(again.fresh).toEqual([]);
    expect(again.toPost).toEqual([]);
    expect(again.matured).toEqual({ entries: 0, points: 0 });
  });

  it('leaves a sale whose own entry is not in the balances yet for a later run', () => {
    const plan = planDailySettlement(input([sale('R1', '2026-11-01T10:00:00+08:00', 100, { applied: false })]));
    expect(plan.fresh).toEqual([]);
  });

  it('writes a maturity without points for a sale refunded entirely while pending', () => {
    const plan = planDailySettlement(input([sale('R1', '2026-11-01T10:00:00+08:00', 100), refund('R1', 'F1', { pending: -100, lifetimeEarned: -100 })]));
    expect(plan.fresh.map((e) => [e.id, e.deltas])).toEqual([['mature:earn:t1:R1', {}]]);
  });

  it('expires earlier years\' points first-in first-out, after maturing, and reminds of the next date', () => {
    const entries = [
      sale('A', '2024-03-01T10:00:00+08:00', 100),
      sale('B', '2024-12-28T10:00:00+08:00', 50), // earned 2024, matured January 2025: expires with 2024's
      sale('C', '2025-06-01T10:00:00+08:00', 300),
      sale('D', '2026-11-18T10:00:00+08:00', 500),
      {
        id: 'redeem:x',
        memberId: MEMBER,
        kind: 'redemption',
        deltas: { available: -120, redeemed: 120 },
        cause: { type: 'redemption', redemptionId: 'x', code: 'c', rewardId: 'w', rewardName: 'Mug', rewardKind: 'gift', quantity: 1, channel: 'desk', funding: { by: 'centre', tenantShareBasisPoints: 0 } },
        occurredAt: new Date('2025-08-01T10:00:00+08:00'),
        recordedAt: new Date('2025-08-01T10:00:00+08:00'),
        applied: true,
      } satisfies LedgerEntry,
    ];
    // The redemption spent all of A's 100 and 20 of B's: 30 of 2024's points are left to expire.
    const plan = planDailySettlement(input(entries));
    expect(plan.fresh.map((e) => [e.id, e.deltas])).toEqual([
      ['mature:earn:t1:A', { pending: -100, available: 100 }],
      ['mature:earn:t1:B', { pending: -50, available: 50 }],
      ['mature:earn:t1:C', { pending: -300, available: 300 }],
      ['mature:earn:t1:D', { pending: -500, available: 500 }],
      [`expire:${MEMBER}:2025-12-31`, { available: -30, expired: 30 }],
    ]);
    expect(plan.fresh[4]).toMatchObject({ kind: 'expiry', occurredAt: new Date('2025-12-31T16:00:00Z'), cause: { type: 'expiry', expiryDate: '2025-12-31', policy: 'end-of-year-after', runId: 'run-1' } });
    expect(plan.expired).toEqual({ entries: 1, points: 30 });
    // 2025's 300 reach their date (31 December 2026) within 40 days of 26 November.
    expect(plan.reminders).toEqual([{ expiryDate: '2026-12-31', points: 300, expiresAt: new Date('2026-12-31T16:00:00Z') }]);
    expect(planDailySettlement(input(entries, { reminderDays: 30 })).reminders).toEqual([]);
    expect(planDailySettlement(input(entries, { reminderDays: 0 })).reminders).toEqual([]);

    const again = planDailySettlement(input(settled(entries, plan), { runId: 'run-2' }));
    expect(again.fresh).toEqual([]);
    expect(again.expired).toEqual({ entries: 0, points: 0 });
    // A re-run still sees the coming expiry (the reminder itself is sent once per date by its id).
    expect(again.reminders).toEqual(plan.reminders);
  });

  it('posts, and counts as its own, the entries a stopped run of its own inserted without posting', () => {
    const entries = [sale('A', '2024-03-01T10:00:00+08:00', 100)];
    const first = planDailySettlement(input(entries));
    const inserted = [...entries, ...first.fresh.map((e) => ({ ...e, applied: false }))];
    const resumed = planDailySettlement(input(inserted));
    expect(resumed.fresh).toEqual([]);
    expect(resumed.toPost.map((e) => e.id)).toEqual(first.fresh.map((e) => e.id));
    expect(resumed.matured).toEqual(first.matured);
    expect(resumed.expired).toEqual(first.expired);
    // Posted already (the account lists them): nothing to post, still counted as this run's.
    const posted = planDailySettlement(input(inserted, { account: { memberId: MEMBER, available: 0, pending: 0, appliedEntryIds: new Set(first.fresh.map((e) => e.id)) } }));
    expect(posted.toPost).toEqual([]);
    expect(posted.expired).toEqual({ entries: 1, points: 100 });
  });

  it('expires nothing under the policy none, and never more than is available', () => {
    const entries = [sale('A', '2024-03-01T10:00:00+08:00', 100)];
    expect(planDailySettlement(input(entries, { policy: { kind: 'none' } })).fresh.map((e) => e.kind)).toEqual(['maturity']);
    const spentBeyond = [
      ...entries,
      { ...refund('Z', 'F9', { available: -80, lifetimeEarned: -80 }) },
    ];
    const plan = planDailySettlement(input(spentBeyond));
    expect(plan.fresh.map((e) => [e.id, e.deltas])).toEqual([
      ['mature:earn:t1:A', { pending: -100, available: 100 }],
      [`expire:${MEMBER}:2025-12-31`, { available: -20, expired: 20 }],
    ]);
  });
});
