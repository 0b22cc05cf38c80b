import { addDays, instantsAtLocalTime, isValidTimeZone, localDateTime } from './zoned-time';

describe('localDateTime', () => {
  it.each<[string, string, string, [number, number, number, number, number, number]]>([
    ['Shanghai is 8 hours ahead of UTC', '2025-03-05T17:30:15Z', 'Asia/Shanghai', [2025, 3, 6, 1, 30, 15]],
    ['London in winter reads UTC', '2025-01-15T23:59:59Z', 'Europe/London', [2025, 1, 15, 23, 59, 59]],
    ['London in summer is an hour ahead', '2025-07-15T23:00:00Z', 'Europe/London', [2025, 7, 16, 0, 0, 0]],
    ['midnight reads 00, not 24', '2025-03-05T16:00:00Z', 'Asia/Shanghai', [2025, 3, 6, 0, 0, 0]],
  ])('%s', (_case, instant, zone, [year, month, day, hour, minute, second]) => {
    expect(localDateTime(new Date(instant), zone)).toEqual({ year, month, day, hour, minute, second });
  });
});

describe('instantsAtLocalTime', () => {
  const iso = (instants: Date[]): string[] => instants.map((instant) => instant.toISOString());

  it('finds the one instant of an ordinary local time', () => {
    expect(iso(instantsAtLocalTime({ year: 2025, month: 3, day: 6 }, 8 * 60, 'Asia/Shanghai'))).toEqual(['2025-03-06T00:00:00.000Z']);
  });

  it('finds none inside a spring-forward gap', () => {
    expect(instantsAtLocalTime({ year: 2025, month: 3, day: 30 }, 90, 'Europe/London')).toEqual([]);
  });

  it('finds both instants of a time the autumn fall-back repeats, earliest first', () => {
    expect(iso(instantsAtLocalTime({ year: 2025, month: 10, day: 26 }, 90, 'Europe/London'))).toEqual([
      '2025-10-26T00:30:00.000Z',
      '2025-10-26T01:30:00.000Z',
    ]);
  });

  it('uses the offset in force on that day, on either side of a change', () => {
    expect(iso(instantsAtLocalTime({ year: 2025, month: 3, day: 29 }, 8 * 60, 'Europe/London'))).toEqual(['2025-03-29T08:00:00.000Z']);
    expect(iso(instantsAtLocalTime({ year: 2025, month: 3, day: 30 }, 8 * 60, 'Europe/London'))).toEqual(['2025-03-30T07:00:00.000Z']);
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s %+d day(s) is %s', (from, days, expected) => {
    const [year, month, day] = from.split('-').map(Number) as [number, number, number];
    const result = addDays({ year, month, day }, days);
    expect(`${result.year}-${String(result.month).padStart(2, '0')}-${String(result.day).padStart(2, '0')}`).toBe(expected);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses the rest', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
