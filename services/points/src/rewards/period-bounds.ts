/**
 * Calendar periods in the centre's time zone, for "1 per member per calendar month": a
 * redemption at 2026-11-30T17:00Z is in December in Asia/Shanghai. Pure (Intl only).
 */
import { localDate, localDayBounds, localWeekday, type LocalDate } from '../earning/local-time';
import type { LimitPeriod } from './reward.entity';

export interface PeriodBounds {
  /** Inclusive. */
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

/** The calendar period (day, Monday-to-Sunday week, month, year) of the centre that contains `at`. */
export function periodBounds(at: Date, period: LimitPeriod, timeZone: string): PeriodBounds {
  const today = localDate(at, timeZone);
  switch (period) {
    case 'day':
      return localDayBounds(at, timeZone);
    case 'week': {
      const sinceMonday = (localWeekday(at, timeZone) + 6) % 7;
      const monday = shifted(today, -sinceMonday);
      return { start: startOf(monday, timeZone), end: startOf(shifted(monday, 7), timeZone) };
    }
    case 'month':
      return {
        start: startOf({ ...today, day: 1 }, timeZone),
        end: startOf(today.month === 12 ? { year: today.year + 1, month: 1, day: 1 } : { year: today.year, month: today.month + 1, day: 1 }, timeZone),
      };
    case 'year':
      return { start: startOf({ year: today.year, month: 1, day: 1 }, timeZone), end: startOf({ year: today.year + 1, month: 1, day: 1 }, timeZone) };
  }
}

function shifted(date: LocalDate, days: number): LocalDate {
  // Date.UTC rolls days over months and years.
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** The instant a local date begins in `timeZone`. */
function startOf(date: LocalDate, timeZone: string): Date {
  // Noon UTC of the date is on that local date in zones up to 12 hours from UTC; one step corrects the rest.
  const noon = new Date(Date.UTC(date.year, date.month - 1, date.day, 12));
  const seen = localDate(noon, timeZone);
  const order = compare(seen, date);
  if (order === 0) return localDayBounds(noon, timeZone).start;
  const bounds = localDayBounds(noon, timeZone);
  return order < 0 ? bounds.end : localDayBounds(new Date(bounds.start.getTime() - 1), timeZone).start;
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
