import { localDate, localDayBounds, localWeekday } from './local-time';

describe('the centre clock', () => {
  it.each([
    ['2025-03-05T02:00:00Z', 'Asia/Shanghai', 3],
    ['2025-03-04T15:59:59.999Z', 'Asia/Shanghai', 2],
    ['2025-03-04T16:00:00.000Z', 'Asia/Shanghai', 3],
    ['2025-03-05T17:00:00Z', 'Asia/Shanghai', 4],
    ['2025-03-05T17:00:00Z', 'UTC', 3],
    ['2025-03-09T03:00:00Z', 'America/New_York', 6],
  ])('%s in %s is weekday %i', (at, timeZone, weekday) => {
    expect(localWeekday(new Date(at), timeZone)).toBe(weekday);
  });

  it.each([
    ['2024-12-31T16:00:00Z', 'Asia/Shanghai', { year: 2025, month: 1, day: 1 }],
    ['2024-12-31T16:00:00Z', 'UTC', { year: 2024, month: 12, day: 31 }],
    ['2024-02-28T16:00:00Z', 'Asia/Shanghai', { year: 2024, month: 2, day: 29 }],
  ])('%s in %s is %o', (at, timeZone, date) => {
    expect(localDate(new Date(at), timeZone)).toEqual(date);
  });

  it.each([
    ['a Shanghai day, just after its midnight', '2025-03-05T16:30:00Z', 'Asia/Shanghai', '2025-03-05T16:00:00.000Z', '2025-03-06T16:00:00.000Z'],
    ['a Shanghai day, just before its midnight', '2025-03-05T15:59:59.999Z', 'Asia/Shanghai', '2025-03-04T16:00:00.000Z', '2025-03-05T16:00:00.000Z'],
    ['the same instant, a UTC day', '2025-03-05T16:30:00Z', 'UTC', '2025-03-05T00:00:00.000Z', '2025-03-06T00:00:00.000Z'],
    ['the last Shanghai day of a year', '2025-12-31T20:00:00Z', 'Asia/Shanghai', '2025-12-31T16:00:00.000Z', '2026-01-01T16:00:00.000Z'],
    ['a leap day', '2024-02-29T12:00:00Z', 'Asia/Shanghai', '2024-02-28T16:00:00.000Z', '2024-02-29T16:00:00.000Z'],
    ['a 23-hour day (clocks go forward)', '2025-03-09T12:00:00Z', 'America/New_York', '2025-03-09T05:00:00.000Z', '2025-03-10T04:00:00.000Z'],
    ['a 25-hour day (clocks go back)', '2025-10-26T12:00:00Z', 'Europe/London', '2025-10-25T23:00:00.000Z', '2025-10-27T00:00:00.000Z'],
  ])('day bounds of %s (%s in %s): [%s, %s)', (_name, at, timeZone, start, end) => {
    expect(localDayBounds(new Date(at), timeZone)).toEqual({ start: new Date(start), end: new Date(end) });
  });

  it('refuses a time zone that does not exist', () => {
    expect(() => localWeekday(new Date(), 'Asia/Atlantis')).toThrow(RangeError);
  });
});
