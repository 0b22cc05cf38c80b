import { BALANCE_FIELDS, type Balances, type BalanceField } from '../accounts/account.entity';
import { historyOf } from '../expiry/expiring-points';
import { maturityEntryId, mergeInEntryId, mergeOutEntryId, type LedgerEntry, type MovedLot, type MovedPendingSale } from '../ledger/ledger-entry.entity';

export interface MergeTransferInput {
  readonly mergedMemberId: string;
  readonly survivingMemberId: string;
  readonly mergedAt: Date;
  readonly recordedAt: Date;
  /** The merged record's balances, read under its lock. */
  readonly balances: Balances;
  /** The merged record's entries that its balances hold. */
  readonly entries: readonly LedgerEntry[];
}

export interface MergeTransfer {
  /** On the merged record: every balance to zero. */
  readonly out: LedgerEntry;
  /** On the survivor: the same balances, with the lots' earning dates and the sales still pending. */
  readonly in: LedgerEntry;
}

/**
 * The two entries that move a merged record's points to the surviving member (pure). Every
 * balance moves (available, pending, lifetime earned, redeemed, expired, debt), so each
 * account's balances stay the sum of its entries and the liability counts the points once.
 * Available points keep the dates they were earned on (their expiry follows them); pending
 * points keep their sales' return windows and mature on the survivor.
 */
export function planMergeTransfer(input: MergeTransferInput): MergeTransfer {
  const { mergedMemberId, survivingMemberId, mergedAt, recordedAt, balances } = input;
  const moved: Partial<Record<BalanceField, number>> = {};
  const taken: Partial<Record<BalanceField, number>> = {};
  for (const field of BALANCE_FIELDS) {
    if (balances[field] === 0) continue;
    moved[field] = balances[field];
    taken[field] = -balances[field];
  }
  const common = { occurredAt: mergedAt, recordedAt };
  return {
    out: { id: mergeOutEntryId(mergedMemberId), memberId: mergedMemberId, kind: 'merge-out', deltas: taken, cause: { type: 'merge-out', mergedInto: survivingMemberId, mergedAt }, ...common },
    in: {
      id: mergeInEntryId(mergedMemberId),
      memberId: survivingMemberId,
      kind: 'merge-in',
      deltas: moved,
      cause: {
        type: 'merge-in',
        mergedFrom: mergedMemberId,
        mergedAt,
        lots: remainingLots(input.entries, balances.available, mergedMemberId, mergedAt),
        pendingSales: pendingSales(input.entries, balances.pending, mergedMemberId, mergedAt),
      },
      ...common,
    },
  };
}

/**
 * What is left of each lot of available points, oldest first used up: whatever left available
 * (spent, taken, expired) is taken from the oldest lots, as expiry counts it, and the lots are
 * made to add up to the available balance (a shortfall is dated the merge).
 */
export function remainingLots(entries: readonly LedgerEntry[], available: number, mergedMemberId: string, mergedAt: Date): MovedLot[] {
  if (available <= 0) return [];
  const history = historyOf(entries);
  let gone = history.consumed + [...history.expiredByDate.values()].reduce((sum, points) => sum + points, 0);
  const oldestFirst = [...history.lots].sort((a, b) => a.earnedAt.getTime() - b.earnedAt.getTime() || (a.id < b.id ? -1 : 1));
  const left = oldestFirst.map((lot) => {
    const used = Math.max(0, Math.min(lot.points, gone));
    gone -= used;
    return { ...lot, points: lot.points - used };
  });
  const total = left.reduce((sum, lot) => sum + Math.max(lot.points, 0), 0);
  let excess = total - available;
  const lots: MovedLot[] = [];
  for (const lot of left) {
    const cut = Math.max(0, Math.min(lot.points, excess));
    excess -= cut;
    if (lot.points - cut > 0) lots.push({ id: lot.id, earnedAt: lot.earnedAt, points: lot.points - cut });
  }
  if (total < available) lots.push({ id: mergeOutEntryId(mergedMemberId), earnedAt: mergedAt, points: available - total });
  return lots;
}

/**
 * The sales whose points are still pending (no maturity entry yet), net of their refunds, made
 * to add up to the pending balance (a shortfall matures at the merge).
 */
export function pendingSales(entries: readonly LedgerEntry[], pending: number, mergedMemberId: string, mergedAt: Date): MovedPendingSale[] {
  if (pending <= 0) return [];
  const ids = new Set(entries.map((entry) => entry.id));
  const refundedPending = new Map<string, number>();
  for (const entry of entries) {
    if (entry.cause.type !== 'refund') continue;
    const saleKey = `${entry.cause.tenantId}:${entry.cause.receiptNumber}`;
    refundedPending.set(saleKey, (refundedPending.get(saleKey) ?? 0) + (entry.deltas.pending ?? 0));
  }
  let left = pending;
  const sales: MovedPendingSale[] = [];
  const waiting = entries
    .filter((entry) => entry.kind === 'earn' && entry.maturesAt && !ids.has(maturityEntryId(entry.id)))
    .sort((a, b) => a.maturesAt!.getTime() - b.maturesAt!.getTime() || (a.id < b.id ? -1 : 1));
  for (const sale of waiting) {
    const cause = sale.cause;
    const saleKey = cause.type === 'purchase' || cause.type === 'receipt' ? `${cause.tenantId}:${cause.receiptNumber}` : sale.id;
    const points = Math.min((sale.deltas.pending ?? 0) + (refundedPending.get(saleKey) ?? 0), left);
    if (points <= 0) continue;
    left -= points;
    sales.push({ saleEntryId: sale.id, earnedAt: sale.occurredAt, maturesAt: sale.maturesAt!, points });
  }
  if (left > 0) sales.push({ saleEntryId: mergeOutEntryId(mergedMemberId), earnedAt: mergedAt, maturesAt: mergedAt, points: left });
  return sales;
}
