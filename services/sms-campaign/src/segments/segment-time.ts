import { localDateTime } from '../compliance/zoned-time';
import type { BirthdayMonthRule, SegmentContext } from './segment-rule.entity';

const DAY_MS = 86_400_000;

/**
 * The instant `days` × 24 hours before `now`. Relative rules count days as 24-hour periods, not
 * calendar days: "90 days" means the same length in every zone and across daylight saving, and
 * a segment evaluated twice a minute apart moves by a minute, not by a day.
 */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The months a birthday rule means at `context.now` on the centre's calendar. */
export function birthdayMonthsOf(rule: BirthdayMonthRule, context: SegmentContext): readonly number[] {
  if (typeof rule.birthdayMonth !== 'string') return rule.birthdayMonth;
  const current = localDateTime(context.now, context.timeZone).month;
  return [rule.birthdayMonth === 'current' ? current : (current % 12) + 1];
}
