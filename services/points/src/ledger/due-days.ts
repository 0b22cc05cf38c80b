import { addDays, dayOf } from '../expiry/centre-calendar';
import { expiryDateOf, type ExpiryPolicy } from '../expiry/expiry-policy';
import type { LedgerEntry } from './ledger-entry.entity';

/** What dates an entry's settlement by: the centre's time zone and POINTS_EXPIRY_POLICY. */
export interface DueCalendar {
  readonly timeZone: string;
  readonly policy: ExpiryPolicy;
}

export const DUE_CALENDAR = Symbol('DUE_CALENDAR');

/**
 * The centre-local days on which the daily settlement has something to do with an entry, stored
 * on it so that a run finds its members by equality on an indexed field (FerretDB pushes down
 * no range): `maturesOn`, the days a sale's pending points (or a merge's moved pending sales)
 * mature; `expiresOn`, the expiry dates of the points the entry brings into available. An entry
 * recorded after such a day is due the day before it was recorded instead: the run of that day
 * may have started before it was written, so each run also reads the day before its own
 * (DailySettlementService).
 */
export interface DueDays {
  readonly maturesOn?: string[];
  readonly expiresOn?: string[];
}

export function dueDaysOf(entry: LedgerEntry, calendar: DueCalendar): DueDays {
  const latest = addDays(dayOf(entry.recordedAt, calendar.timeZone), -1);
  const notBefore = (day: string) => (day < latest ? latest : day);
  const days = (dates: readonly (string | undefined)[]) => [...new Set(dates.filter((date): date is string => date !== undefined).map(notBefore))].sort();
  const expiring = (earnedAt: readonly Date[]) => days(earnedAt.map((at) => expiryDateOf(at, calendar.policy, calendar.timeZone)));
  const { cause } = entry;
  let maturesOn: string[] = [];
  let expiresOn: string[] = [];
  if (entry.kind === 'earn' && entry.maturesAt) maturesOn = days([dayOf(entry.maturesAt, calendar.timeZone)]);
  if (cause.type === 'maturity' && (entry.deltas.available ?? 0) > 0) expiresOn = expiring([cause.earnedAt]);
  if (cause.type === 'adjustment' && (entry.deltas.available ?? 0) > 0) expiresOn = expiring([entry.occurredAt]);
  if (cause.type === 'opening' && (entry.deltas.available ?? 0) > 0) expiresOn = expiring([cause.grantedAt]);
  if (cause.type === 'merge-in') {
    maturesOn = days(cause.pendingSales.map((sale) => dayOf(sale.maturesAt, calendar.timeZone)));
    expiresOn = expiring(cause.lots.map((lot) => lot.earnedAt));
  }
  return { ...(maturesOn.length > 0 ? { maturesOn } : {}), ...(expiresOn.length > 0 ? { expiresOn } : {}) };
}
