import { expiryEntryId, maturityEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';
import { addDays, endOfDay } from '../expiry/centre-calendar';
import { expiringBetween, historyOf, type Expiring } from '../expiry/expiring-points';
import { expiryDateOf, expiryInstantOf, expiryPolicyName, type ExpiryPolicy } from '../expiry/expiry-policy';

/** What the daily settlement needs of a member's account, read under its lock. */
export interface AccountState {
  readonly memberId: string;
  readonly available: number;
  readonly pending: number;
  /** Entries in the balances whose ledger `applied` mark may not be written yet. */
  readonly appliedEntryIds: ReadonlySet<string>;
}

export interface DailyPlanInput {
  /** Every ledger entry of the member. */
  readonly entries: readonly LedgerEntry[];
  readonly account: AccountState;
  readonly runId: string;
  /** The centre-local day settled ("2026-11-26"): what matures or expires by its end. */
  readonly day: string;
  readonly policy: ExpiryPolicy;
  readonly timeZone: string;
  /** Days ahead of an expiry date its reminder goes out (0: none). */
  readonly reminderDays: number;
  readonly now: Date;
}

export interface EntryCount {
  readonly entries: number;
  readonly points: number;
}

/**
 * What settling one member for a day does. `toPost` are entries to add to the balances, in
 * order: new ones (also in `fresh`, to insert into the ledger first) and ones a stopped run
 * inserted without posting. The counts are of this run's entries, found or made now, so a run
 * resumed after a crash reports what a run without a crash would.
 */
export interface DailyPlan {
  readonly fresh: readonly LedgerEntry[];
  readonly toPost: readonly LedgerEntry[];
  readonly matured: EntryCount;
  readonly expired: EntryCount;
  /** Points that reach their expiry date within the reminder days, by date, after what expires now. */
  readonly reminders: readonly (Expiring & { readonly expiresAt: Date })[];
}

/**
 * Settles one member for a day, written nowhere (pure):
 * 1. each sale whose return window is over by the day's end matures: what its refunds left of
 *    its pending points moves to available, in an entry `mature:<sale entry>` (one per sale),
 *    and so does each pending sale a merge brought from another record (its `merge-in` entry);
 * 2. points of every expiry date up to the day leave available, oldest first, in an entry
 *    `expire:<member>:<expiry date>` (one per member and date; none when nothing is left);
 * 3. the points of expiry dates within the reminder days are announced once per date.
 * A day settled again finds its entries and makes none.
 */
export function planDailySettlement(input: DailyPlanInput): DailyPlan {
  const { entries, account, runId, now } = input;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const inBalances = (entry: LedgerEntry) => entry.applied === true || account.appliedEntryIds.has(entry.id);
  const cutoff = endOfDay(input.day, input.timeZone);
  const fresh: LedgerEntry[] = [];
  const toPost: LedgerEntry[] = [];
  let matured = { entries: 0, points: 0 };
  let expired = { entries: 0, points: 0 };
  let pending = account.pending;
  let available = account.available;

  /** A sale's maturity: its pending points become available (none when refunds took them back). */
  const maturityEntry = (sale: { saleEntryId: string; earnedAt: Date; maturesAt: Date; points: number }): LedgerEntry => ({
    id: maturityEntryId(sale.saleEntryId),
    memberId: account.memberId,
    kind: 'maturity',
    deltas: sale.points > 0 ? { pending: -sale.points, available: sale.points } : {},
    cause: { type: 'maturity', saleEntryId: sale.saleEntryId, earnedAt: sale.earnedAt, runId },
    occurredAt: sale.maturesAt,
    recordedAt: now,
  });

  const take = (entry: LedgerEntry, isNew: boolean) => {
    if (isNew) fresh.push(entry);
    if (isNew || !inBalances(entry)) {
      toPost.push(entry);
      pending += entry.deltas.pending ?? 0;
      available += entry.deltas.available ?? 0;
    }
  };
  const ownCount = (count: EntryCount, entry: LedgerEntry, points: number): EntryCount => {
    const cause = entry.cause;
    const ours = (cause.type === 'maturity' || cause.type === 'expiry') && cause.runId === runId;
    return ours ? { entries: count.entries + 1, points: count.points + points } : count;
  };

  for (const sale of entries) {
    if (sale.kind !== 'earn' || !sale.maturesAt || sale.maturesAt.getTime() > cutoff.getTime()) continue;
    const existing = byId.get(maturityEntryId(sale.id));
    if (existing) {
      take(existing, false);
      matured = ownCount(matured, existing, existing.deltas.available ?? 0);
      continue;
    }
    // A sale's pending points are only the balances' once its own entry is.
    if (!inBalances(sale)) continue;
    // Refunds inside the window took back pending points; any refund of the sale in the ledger
    // counts, posted or not yet (its redelivery will post it with the deltas it has).
    const refunded = entries.filter((entry) => refundOf(entry, sale)).reduce((sum, entry) => sum + (entry.deltas.pending ?? 0), 0);
    const points = Math.max(0, Math.min((sale.deltas.pending ?? 0) + refunded, pending));
    const entry = maturityEntry({ saleEntryId: sale.id, earnedAt: sale.occurredAt, maturesAt: sale.maturesAt, points });
    take(entry, true);
    matured = ownCount(matured, entry, points);
  }

  // Pending sales a merge brought from another record mature here, as they would have there.
  for (const merge of entries) {
    if (merge.cause.type !== 'merge-in') continue;
    for (const moved of merge.cause.pendingSales) {
      if (moved.maturesAt.getTime() > cutoff.getTime()) continue;
      const existing = byId.get(maturityEntryId(moved.saleEntryId));
      if (existing) {
        take(existing, false);
        matured = ownCount(matured, existing, existing.deltas.available ?? 0);
        continue;
      }
      if (!inBalances(merge)) continue;
      const points = Math.max(0, Math.min(moved.points, pending));
      const entry = maturityEntry({ saleEntryId: moved.saleEntryId, earnedAt: moved.earnedAt, maturesAt: moved.maturesAt, points });
      take(entry, true);
      matured = ownCount(matured, entry, points);
    }
  }

  const dateOf = (earnedAt: Date) => expiryDateOf(earnedAt, input.policy, input.timeZone);
  // Existing expiry entries of this run a stopped run did not post are posted and counted.
  for (const entry of entries) {
    if (entry.cause.type !== 'expiry') continue;
    if (!inBalances(entry)) take(entry, false);
    expired = ownCount(expired, entry, -(entry.deltas.available ?? 0));
  }
  // The history expiry reads: what the balances hold, and what this plan adds to them.
  const known = () => [...entries.filter(inBalances), ...toPost];
  for (const due of expiringBetween(historyOf(known()), dateOf, undefined, input.day, available)) {
    const entry: LedgerEntry = {
      id: expiryEntryId(account.memberId, due.expiryDate),
      memberId: account.memberId,
      kind: 'expiry',
      deltas: { available: -due.points, expired: due.points },
      cause: { type: 'expiry', expiryDate: due.expiryDate, policy: expiryPolicyName(input.policy), runId },
      occurredAt: expiryInstantOf(due.expiryDate, input.timeZone),
      recordedAt: now,
    };
    take(entry, true);
    expired = ownCount(expired, entry, due.points);
  }

  const reminders =
    input.reminderDays > 0
      ? expiringBetween(historyOf(known()), dateOf, addDays(input.day, 1), addDays(input.day, input.reminderDays), available).map((coming) => ({
          ...coming,
          expiresAt: expiryInstantOf(coming.expiryDate, input.timeZone),
        }))
      : [];
  return { fresh, toPost, matured, expired, reminders };
}

function refundOf(refund: LedgerEntry, sale: LedgerEntry): boolean {
  const a = refund.cause;
  const b = sale.cause;
  return a.type === 'refund' && (b.type === 'purchase' || b.type === 'receipt') && a.tenantId === b.tenantId && a.receiptNumber === b.receiptNumber;
}
