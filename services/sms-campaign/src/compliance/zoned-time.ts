/**
 * Wall-clock time in an IANA time zone, with Intl alone (no date library): what the centre's
 * clock reads at an instant, and which instants a local date and time stand for. Quiet hours,
 * birthday months and dates in messages all follow the centre's clock, not UTC's.
 *
 * Daylight saving is handled: a local time may stand for no instant (the spring-forward gap) or
 * for two (the autumn fall-back), and callers get every instant it stands for.
 */

/** A calendar date as a clock in some zone shows it. */
export interface LocalDate {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
}

/** A calendar date and time of day as a clock in some zone shows it. */
export interface LocalDateTime extends LocalDate {
  /** 0 to 23. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Building a DateTimeFormat costs far more than using one; a campaign asks once per recipient.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError naming the zone when it is not a valid IANA zone.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
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

/** True when `timeZone` is an IANA zone this runtime knows (e.g. "Asia/Shanghai"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `timeZone` shows at `at`. */
export function localDateTime(at: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The date `days` after `date` (negative: before), by the calendar. */
export function addDays(date: LocalDate, days: number): LocalDate {
  // Date.UTC rolls day 32 over into the next month, and day 0 back into the previous one.
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** How far `timeZone`'s clock is ahead of UTC at `at`, in milliseconds. */
function offsetMs(at: number, timeZone: string): number {
  const wholeSecond = Math.floor(at / 1000) * 1000;
  const local = localDateTime(new Date(wholeSecond), timeZone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - wholeSecond;
}

/**
 * Every instant at which a clock in `timeZone` shows `date` at `minuteOfDay` (0 = midnight),
 * earliest first: one on most days, none inside a spring-forward gap, two inside an autumn
 * fall-back.
 */
export function instantsAtLocalTime(date: LocalDate, minuteOfDay: number, timeZone: string): Date[] {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
  // The zone's offsets around that wall time: no zone changes its offset twice within two days.
  const offsets = new Set([offsetMs(wallAsUtc - DAY_MS, timeZone), offsetMs(wallAsUtc, timeZone), offsetMs(wallAsUtc + DAY_MS, timeZone)]);
  const instants = [...offsets]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => offsetMs(instant, timeZone) === wallAsUtc - instant)
    .sort((a, b) => a - b);
  return [...new Set(instants)].map((instant) => new Date(instant));
}
