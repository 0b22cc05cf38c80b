import { addDays, addMonths, dayOf, endOfDay, parseDayKey, startOfDay } from './centre-calendar';

describe('centre calendar days', () => {
  it.each<[string, boolean]>([
    ['2026-11-27', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['yesterday', false],
  ])('%s is a calendar day: %s', (key, valid) => {
    expect(parseDayKey(key) !== undefined).toBe(valid);
  });

  it('moves by days and months across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-26', 40)).toBe('2027-01-05');
    expect(addMonths({ year: 2026, month: 12, day: 31 }, 2)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 5, day: 15 }, -6)).toEqual({ year: 2025, month: 11, day: 15 });
  });

  it('bounds a day in the centre\'s time zone', () => {
    expect(startOfDay('2026-11-27', 'Asia/Shanghai').toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(endOfDay('2026-11-27', 'Asia/Shanghai').toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(startOfDay('2026-11-27', 'America/Los_Angeles').toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(startOfDay('2026-11-27', 'Pacific/Kiritimati').toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(dayOf(new Date('2026-11-26T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
    expect(dayOf(new Date('2026-11-26T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-26');
  });
});
