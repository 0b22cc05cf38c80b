import { earnEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';

/** Points that reached available together, dated by when they were earned (a matured sale, a staff credit). */
export interface EarningLot {
  /** The sale's earn entry (for a matured sale) or the crediting entry. */
  readonly id: string;
  readonly earnedAt: Date;
  /** What is left of the lot once refunds of its own sale took their share back. */
  readonly points: number;
}

/**
 * A member's available points as expiry sees them: the lots they came in, the points that left
 * available otherwise (spent on rewards, taken by staff, refunded beyond their own sale's lot;
 * net of points given back by cancelled redemptions), and the points expired so far by expiry
 * date. When every entry is in the balances, available = Σ lots − consumed − Σ expired.
 */
export interface PointsHistory {
  readonly lots: readonly EarningLot[];
  readonly consumed: number;
  readonly expiredByDate: ReadonlyMap<string, number>;
}

/** Reads the history from a member's ledger entries (those in the balances, in any order). */
export function historyOf(entries: readonly LedgerEntry[]): PointsHistory {
  const lots = new Map<string, { earnedAt: Date; points: number }>();
  const expiredByDate = new Map<string, number>();
  let consumed = 0;
  const later: LedgerEntry[] = [];
  for (const entry of entries) {
    const available = entry.deltas.available ?? 0;
    const { cause } = entry;
    switch (cause.type) {
      case 'maturity':
        lots.set(cause.saleEntryId, { earnedAt: cause.earnedAt, points: available });
        break;
      case 'adjustment':
        if (available > 0) lots.set(entry.id, { earnedAt: entry.occurredAt, points: available });
        else consumed -= available;
        break;
      case 'expiry':
        expiredByDate.set(cause.expiryDate, (expiredByDate.get(cause.expiryDate) ?? 0) - available);
        break;
      case 'refund':
        // Needs the lots: a refund of a matured sale takes back that sale's own points first.
        later.push(entry);
        break;
      case 'merge-in':
        // The merged record's lots keep the dates they were earned on.
        for (const lot of cause.lots) lots.set(`${entry.id}/${lot.id}`, { earnedAt: lot.earnedAt, points: lot.points });
        consumed += cause.lots.reduce((sum, lot) => sum + lot.points, 0) - available;
        break;
      case 'purchase':
      case 'receipt':
      case 'merge-out':
      case 'redemption':
      case 'redemption-cancel':
        // Earnings move pending only (available at maturity); redemptions and a merge-out take, cancellations give back.
        consumed -= available;
        break;
    }
  }
  for (const refund of later) {
    if (refund.cause.type !== 'refund') continue;
    const taken = -(refund.deltas.available ?? 0);
    const lot = lots.get(earnEntryId(refund.cause.tenantId, refund.cause.receiptNumber));
    const fromLot = lot && taken > 0 ? Math.min(taken, Math.max(lot.points, 0)) : 0;
    if (lot) lot.points -= fromLot;
    consumed += taken - fromLot;
  }
  return {
    lots: [...lots].map(([id, lot]) => ({ id, earnedAt: lot.earnedAt, points: lot.points })),
    consumed,
    expiredByDate,
  };
}

/**
 * Points of the given expiry date (and of any earlier one still unexpired) that expire at
 * its end, first-in first-out: whatever left available, and what expired before, is taken
 * from the oldest lots first, so what is due is what remains of the lots expiring by then.
 * Never more than the member's available points. `expiryDateOf` dates a lot (undefined: never).
 */
export function dueToExpire(history: PointsHistory, expiryDateOf: (earnedAt: Date) => string | undefined, expiryDate: string, available: number): number {
  let lotsDue = 0;
  for (const lot of history.lots) {
    const date = expiryDateOf(lot.earnedAt);
    if (date !== undefined && date <= expiryDate) lotsDue += lot.points;
  }
  let expired = 0;
  for (const points of history.expiredByDate.values()) expired += points;
  return Math.max(0, Math.min(lotsDue - history.consumed - expired, available));
}

/** One expiry date's points, as due now or expected. */
export interface Expiring {
  readonly expiryDate: string;
  readonly points: number;
}

/**
 * What expires on each expiry date of the member's lots within [from, to] (day keys,
 * inclusive; undefined `from` = from the beginning), in date order, each date after the
 * earlier ones took theirs; dates already expired are left out, dates with nothing left are
 * left out. The same function gives what is due (up to the run's day) and what is coming
 * (for reminders), assuming no more points leave available meanwhile.
 */
export function expiringBetween(history: PointsHistory, expiryDateOf: (earnedAt: Date) => string | undefined, from: string | undefined, to: string, available: number): Expiring[] {
  const dates = new Set<string>();
  for (const lot of history.lots) {
    const date = expiryDateOf(lot.earnedAt);
    if (date !== undefined && date <= to && (from === undefined || date >= from) && !history.expiredByDate.has(date)) dates.add(date);
  }
  const result: Expiring[] = [];
  const expiredByDate = new Map(history.expiredByDate);
  let left = available;
  for (const date of [...dates].sort()) {
    const points = dueToExpire({ ...history, expiredByDate }, expiryDateOf, date, left);
    if (points <= 0) continue;
    result.push({ expiryDate: date, points });
    expiredByDate.set(date, points);
    left -= points;
  }
  return result;
}
