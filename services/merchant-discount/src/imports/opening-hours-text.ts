import { WEEKDAYS, type OpeningHours, type Weekday } from '../tenants/tenant.entity';

const LINE = /^(?:(daily)|([a-z]{3}(?:\s*[-,]\s*[a-z]{3})*))\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/;

/**
 * Opening hours as a spreadsheet cell holds them: lines split by ";", each days then hours,
 * e.g. "mon-fri 10:00-22:00; sat,sun 09:30-23:00" or "daily 10:00-22:00". The hours themselves
 * are checked as the API checks them; this only reads the text (undefined: not readable).
 */
export function parseOpeningHoursText(text: string): OpeningHours[] | undefined {
  const lines: OpeningHours[] = [];
  for (const part of text.toLowerCase().split(';').map((line) => line.trim()).filter(Boolean)) {
    const match = LINE.exec(part);
    if (!match) return undefined;
    const days = match[1] ? [...WEEKDAYS] : daysOf(match[2]);
    if (!days) return undefined;
    lines.push({ days, opens: match[3], closes: match[4] });
  }
  return lines;
}

/** "mon-fri" or "sat,sun" or "mon-wed,sat" as days of the week, in the order written. */
function daysOf(text: string): Weekday[] | undefined {
  const days: Weekday[] = [];
  for (const item of text.split(',').map((part) => part.trim())) {
    const [from, to] = item.split('-').map((part) => part.trim());
    const start = WEEKDAYS.indexOf(from as Weekday);
    const end = to === undefined ? start : WEEKDAYS.indexOf(to as Weekday);
    if (start < 0 || end < start) return undefined;
    days.push(...WEEKDAYS.slice(start, end + 1));
  }
  return days;
}
