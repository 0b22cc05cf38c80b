/**
 * The centre's clock, read with Intl alone: which weekday and which calendar day an instant is
 * in an IANA time zone. Member days and the per-day cap follow the centre's day, not UTC's:
 * in Asia/Shanghai a purchase at 2025-03-05T17:00Z is made on Thursday 6 March.
 *
 * The day bounds are exact for zones whose midnight exists once (every zone without daylight
 * saving, e.g. Asia/Shanghai, Asia/Hong_Kong, Asia/Taipei, and zones that change their clocks
 * away from midnight).
 */

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface LocalParts extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building a DateTimeFormat is far slower than using one; the purchase consumer asks per purchase.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError naming the zone when it is not a valid IANA zone.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const weekday = WEEKDAYS[parts.weekday ?? ''];
  if (weekday === undefined) throw new Error(`Unexpected weekday "${parts.weekday}" formatting ${at.toISOString()} in ${timeZone}`);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday,
  };
}

/** 0 = Sunday … 6 = Saturday, as the clock in `timeZone` reads at `at`. */
export function localWeekday(at: Date, timeZone: string): number {
  return localParts(at, timeZone).weekday;
}

/** The calendar date in `timeZone` at `at`. */
export function localDate(at: Date, timeZone: string): LocalDate {
  const { year, month, day } = localParts(at, timeZone);
  return { year, month, day };
}

/** How far `timeZone`'s clock is ahead of UTC at `at`, in milliseconds. */
function offsetMs(at: number, timeZone: string): number {
  const wholeSecond = Math.floor(at / 1000) * 1000;
  const local = localParts(new Date(wholeSecond), timeZone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - wholeSecond;
}

/** The instant the given local date begins in `timeZone`. */
function startOfLocalDate(date: LocalDate, timeZone: string): Date {
  const midnightAsUtc = Date.UTC(date.year, date.month - 1, date.day);
  // The offset at midnight may differ from the offset at the guess; a second pass settles it.
  const guess = midnightAsUtc - offsetMs(midnightAsUtc, timeZone);
  return new Date(midnightAsUtc - offsetMs(guess, timeZone));
}

/**
 * The centre-local day containing `at` as [start, end): the ledger sums a member's points
 * earned in it to feed the per-day cap.
 */
export function localDayBounds(at: Date, timeZone: string): { readonly start: Date; readonly end: Date } {
  const today = localDate(at, timeZone);
  // Date.UTC rolls day 32 over into the next month, so this is tomorrow's date in any month.
  const next = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  const tomorrow = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  return { start: startOfLocalDate(today, timeZone), end: startOfLocalDate(tomorrow, timeZone) };
}

/** The centre-local calendar day of `at` as "2026-11-27": the key of per-day caps and limits. */
export function localDayKey(at: Date, timeZone: string): string {
  const { year, month, day } = localDate(at, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
