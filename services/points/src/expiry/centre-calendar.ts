import { localDate, localDayBounds, localDayKey, type LocalDate } from '../earning/local-time';

/**
 * Calendar days of the centre ("2026-11-27", centre time zone) as expiry and settlement count
 * them: day keys compare as strings in calendar order.
 */

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HALF_DAY_MS = 43_200_000;

/** The local date a day key names; undefined unless it is a real calendar date. */
export function parseDayKey(key: string): LocalDate | undefined {
  const match = DAY_KEY.exec(key);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function dayKeyOf(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The day `days` after (or before, when negative) the given one. */
export function addDays(key: string, days: number): string {
  const date = mustParse(key);
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return dayKeyOf({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** The same day of the month `months` later; the month's last day when it is shorter (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const monthIndex = date.month - 1 + months;
  const year = date.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

/** The instant the centre-local day begins. */
export function startOfDay(key: string, timeZone: string): Date {
  const date = mustParse(key);
  const noon = Date.UTC(date.year, date.month - 1, date.day, 12);
  // Local noon of the day is within half a day of UTC noon in every zone but the few beyond ±12 h.
  for (const shift of [0, -HALF_DAY_MS, HALF_DAY_MS]) {
    const at = new Date(noon + shift);
    if (localDayKey(at, timeZone) === key) return localDayBounds(at, timeZone).start;
  }
  throw new Error(`day ${key} not found in ${timeZone}`);
}

/** The instant the centre-local day ends: the start of the next one. */
export function endOfDay(key: string, timeZone: string): Date {
  return startOfDay(addDays(key, 1), timeZone);
}

/** The centre-local day of an instant. */
export function dayOf(at: Date, timeZone: string): string {
  return localDayKey(at, timeZone);
}

export function localDateOf(at: Date, timeZone: string): LocalDate {
  return localDate(at, timeZone);
}

function mustParse(key: string): LocalDate {
  const date = parseDayKey(key);
  if (!date) throw new Error(`"${key}" is not a calendar day`);
  return date;
}
