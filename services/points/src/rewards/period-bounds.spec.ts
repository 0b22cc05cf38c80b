import { periodBounds } from './period-bounds';

const SHANGHAI = 'Asia/Shanghai';

describe('calendar periods in the centre\'s time zone', () => {
  it.each([
    // 2026-11-30T17:00Z is 1 December 01:00 in Shanghai: December's month, Tuesday's week.
    ['day', '2026-11-30T17:00:00Z', '2026-11-30T16:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    ['month', '2026-11-30T17:00:00Z', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['month', '2026-11-30T15:59:59Z', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['week', '2026-11-30T17:00:00Z', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    // A Sunday evening belongs to the week that began on Monday.
    ['week', '2026-12-06T12:00:00Z', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    ['year', '2026-12-31T16:30:00Z', '2026-12-31T16:00:00.000Z', '2027-12-31T16:00:00.000Z'],
    ['month', '2028-02-10T00:00:00Z', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
  ] as const)('%s of %s is [%s, %s)', (period, at, start, end) => {
    const bounds = periodBounds(new Date(at), period, SHANGHAI);
    expect([bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([start, end]);
  });

  it('works in zones far from UTC', () => {
    const auckland = periodBounds(new Date('2026-06-30T13:00:00Z'), 'month', 'Pacific/Auckland');
    // 1 July 01:00 in Auckland (UTC+12 in winter).
    expect([auckland.start.toISOString(), auckland.end.toISOString()]).toEqual(['2026-06-30T12:00:00.000Z', '2026-07-31T12:00:00.000Z']);
    const honolulu = periodBounds(new Date('2026-07-01T05:00:00Z'), 'day', 'Pacific/Honolulu');
    expect([honolulu.start.toISOString(), honolulu.end.toISOString()]).toEqual(['2026-06-30T10:00:00.000Z', '2026-07-01T10:00:00.000Z']);
  });
});
