import { dayKeyOf, localDateOf, startOfDay } from '../../expiry/centre-calendar';

/**
 * Settlement periods are calendar months of the centre ("2026-10"); period keys compare as
 * strings in calendar order.
 */
const PERIOD_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriodKey(key: string): boolean {
  return PERIOD_KEY.test(key);
}

/** The period an instant falls in. */
export function periodOf(at: Date, timeZone: string): string {
  const { year, month } = localDateOf(at, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function nextPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}

export function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 1 ? `${String(year - 1).padStart(4, '0')}-12` : `${String(year).padStart(4, '0')}-${String(month - 1).padStart(2, '0')}`;
}

/** The period as [start, end) instants. */
export function boundsOf(period: string, timeZone: string): { readonly start: Date; readonly end: Date } {
  const [year, month] = period.split('-').map(Number);
  const first = (y: number, m: number) => startOfDay(dayKeyOf({ year: y, month: m, day: 1 }), timeZone);
  const next = nextPeriod(period).split('-').map(Number);
  return { start: first(year, month), end: first(next[0], next[1]) };
}

/**
 * The period an entry counts in: the one it occurred in, unless that period was closed before
 * the entry was recorded (a back-dated entry after the close); then the first later period
 * that was still open when it was recorded. `closedAt` gives each closed period's closing
 * instant. A closed period's statement therefore never changes, whatever arrives later.
 */
export function periodOfEntry(entry: { readonly occurredAt: Date; readonly recordedAt: Date }, closedAt: ReadonlyMap<string, Date>, timeZone: string): string {
  let period = periodOf(entry.occurredAt, timeZone);
  for (;;) {
    const closed = closedAt.get(period);
    if (!closed || entry.recordedAt.getTime() < closed.getTime()) return period;
    period = nextPeriod(period);
  }
}
