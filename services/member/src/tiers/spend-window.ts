/**
 * Qualifying spend is kept per calendar month of the centre's time zone ("2026-11"), and the
 * rolling 12 months are the month of the instant asked about and the 11 before it. Month
 * buckets keep the sum cheap (at most 12 per member) and let a month fall out of the window as
 * a whole; the price is that a sale counts until the end of its 12th month, not to the day.
 */

/** Months in the rolling window. */
export const WINDOW_MONTHS = 12;

/** A calendar month as "YYYY-MM". */
export type Month = string;

export interface SpendWindow {
  /** First month counted. */
  readonly from: Month;
  /** Last month counted: the month of the instant asked about. */
  readonly to: Month;
}

export interface MonthSpend {
  readonly month: Month;
  readonly amountMinor: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** The centre's calendar month of an instant. */
export function monthOf(instant: Date, timeZone: string): Month {
  const { year, month } = localParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The calendar year of an instant in the centre's zone. */
export function yearOf(instant: Date, timeZone: string): number {
  return localParts(instant, timeZone).year;
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: Month, count: number): Month {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The rolling window that ends with the month of `asOf`. */
export function windowEndingAt(asOf: Date, timeZone: string, months = WINDOW_MONTHS): SpendWindow {
  const to = monthOf(asOf, timeZone);
  return { from: addMonths(to, -(months - 1)), to };
}

/** Qualifying spend in the window; refunds may take a month below zero, the total never is. */
export function rollingSpend(buckets: readonly MonthSpend[], window: SpendWindow): number {
  const total = buckets.filter((bucket) => bucket.month >= window.from && bucket.month <= window.to).reduce((sum, bucket) => sum + bucket.amountMinor, 0);
  return Math.max(0, total);
}

/**
 * The first instant of the centre's month that contains `instant`, in UTC. Found by taking the
 * zone's offset at a first guess and correcting once more for a change of offset in between.
 */
export function startOfMonth(instant: Date, timeZone: string): Date {
  const { year, month } = localParts(instant, timeZone);
  const wall = Date.UTC(year, month - 1, 1);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const { year, month, day, hour, minute, second } = localParts(instant, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant.getTime() / 1000) * 1000;
}
