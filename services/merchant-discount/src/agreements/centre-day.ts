import type { CalendarDay } from './agreement.entity';

/** The calendar day (YYYY-MM-DD) it is at `at` in the centre's time zone. */
export function centreDay(timeZone: string, at: Date): CalendarDay {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
