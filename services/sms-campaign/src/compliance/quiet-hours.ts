import type { FieldProblem } from '@atrium/errors';
import { InvalidQuietHoursError } from './compliance.errors';
import { addDays, instantsAtLocalTime, isValidTimeZone, localDateTime, type LocalDate } from './zoned-time';

/**
 * The local hours in which no marketing message may go out, on the centre's clock. The window
 * runs from `startMinute` up to, not including, `endMinute` (minutes after local midnight) and
 * crosses midnight when it starts later than it ends (21:00–08:00). Equal bounds mean no quiet
 * hours at all.
 */
export interface QuietHours {
  readonly startMinute: number;
  readonly endMinute: number;
  /** IANA zone of the centre's clock, e.g. "Asia/Shanghai". */
  readonly timeZone: string;
}

/** No marketing between 21:00 and 08:00 in Shanghai (the default). */
export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60, timeZone: 'Asia/Shanghai' };

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Quiet hours from settings as people write them ("21:00", "08:00", "Asia/Shanghai"); throws an
 * InvalidQuietHoursError naming each setting at fault (`start`, `end`, `timeZone`).
 */
export function quietHoursFrom(settings: { readonly start: string; readonly end: string; readonly timeZone: string }): QuietHours {
  const problems: FieldProblem[] = [];
  const startMinute = minuteOfClockTime(settings.start);
  const endMinute = minuteOfClockTime(settings.end);
  if (startMinute === undefined) problems.push({ field: 'start', message: 'must be a time of day as HH:MM (00:00 to 23:59), e.g. 21:00' });
  if (endMinute === undefined) problems.push({ field: 'end', message: 'must be a time of day as HH:MM (00:00 to 23:59), e.g. 08:00' });
  if (!isValidTimeZone(settings.timeZone)) problems.push({ field: 'timeZone', message: 'must be an IANA time zone, e.g. Asia/Shanghai' });
  if (startMinute === undefined || endMinute === undefined || problems.length > 0) throw new InvalidQuietHoursError(problems);
  return { startMinute, endMinute, timeZone: settings.timeZone };
}

function minuteOfClockTime(text: string): number | undefined {
  const match = CLOCK_TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** True when the centre's clock at `at` reads a time inside the quiet window. */
export function isWithinQuietHours(at: Date, quietHours: QuietHours): boolean {
  const local = localDateTime(at, quietHours.timeZone);
  return inWindow(local.hour * 60 + local.minute, quietHours);
}

function inWindow(minute: number, { startMinute, endMinute }: QuietHours): boolean {
  if (startMinute === endMinute) return false;
  return startMinute < endMinute ? minute >= startMinute && minute < endMinute : minute >= startMinute || minute < endMinute;
}

/**
 * When a marketing message meant for `at` may go out: `at` itself when it is outside quiet
 * hours, otherwise the instant the window ends (deferred, never dropped).
 *
 * Across daylight-saving changes the window ends when the clock first reads its end time after
 * `at`: on an autumn night when 01:30 happens twice, the first 01:30 still ahead; in a spring
 * gap that skips the end time, the instant the clock jumps past it.
 */
export function nextAllowedInstant(at: Date, quietHours: QuietHours): Date {
  const local = localDateTime(at, quietHours.timeZone);
  const minute = local.hour * 60 + local.minute;
  if (!inWindow(minute, quietHours)) return at;

  const today: LocalDate = { year: local.year, month: local.month, day: local.day };
  // In a window that crosses midnight, the part before midnight ends tomorrow.
  const crossesMidnight = quietHours.startMinute > quietHours.endMinute;
  const endDate = crossesMidnight && minute >= quietHours.startMinute ? addDays(today, 1) : today;
  const ends = instantsAtLocalTime(endDate, quietHours.endMinute, quietHours.timeZone).filter((end) => end.getTime() > at.getTime());
  return ends[0] ?? firstInstantShowing(endDate, quietHours.endMinute, at, quietHours.timeZone);
}

/**
 * The end time falls in a spring-forward gap: the first whole minute after `after` at which the
 * clock reads `date` at `minuteOfDay` or later. The clock only moves forward here (a zone never
 * falls back within a day of springing forward), so a binary search over two days finds it.
 */
function firstInstantShowing(date: LocalDate, minuteOfDay: number, after: Date, timeZone: string): Date {
  const target = localKey(date, minuteOfDay);
  const reached = (minuteIndex: number): boolean => {
    const local = localDateTime(new Date(minuteIndex * MINUTE_MS), timeZone);
    return localKey(local, local.hour * 60 + local.minute) >= target;
  };
  let low = Math.floor(after.getTime() / MINUTE_MS); // not reached: `after` is inside the window
  let high = low + 2 * MINUTES_PER_DAY;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reached(middle)) high = middle;
    else low = middle;
  }
  return new Date(high * MINUTE_MS);
}

/** Orders local date-times as numbers: yyyymmdd × minutes per day + minute. */
function localKey(date: LocalDate, minuteOfDay: number): number {
  return (date.year * 10_000 + date.month * 100 + date.day) * MINUTES_PER_DAY + minuteOfDay;
}
