import { InvalidQuietHoursError } from './compliance.errors';
import { DEFAULT_QUIET_HOURS, isWithinQuietHours, nextAllowedInstant, quietHoursFrom, type QuietHours } from './quiet-hours';

const at = (iso: string): Date => new Date(iso);

describe('nextAllowedInstant in Shanghai (21:00–08:00, no daylight saving)', () => {
  it.each<[string, string, string]>([
    ['the afternoon', '2025-03-05T15:00:00+08:00', '2025-03-05T15:00:00+08:00'],
    ['one second before the window', '2025-03-05T20:59:59.999+08:00', '2025-03-05T20:59:59.999+08:00'],
    ['the first instant of the window', '2025-03-05T21:00:00+08:00', '2025-03-06T08:00:00+08:00'],
    ['late evening', '2025-03-05T23:59:00+08:00', '2025-03-06T08:00:00+08:00'],
    ['just after midnight', '2025-03-06T00:00:00+08:00', '2025-03-06T08:00:00+08:00'],
    ['early morning', '2025-03-06T07:59:59+08:00', '2025-03-06T08:00:00+08:00'],
    ['the window end itself', '2025-03-06T08:00:00+08:00', '2025-03-06T08:00:00+08:00'],
    ['the last evening of a month', '2025-02-28T22:00:00+08:00', '2025-03-01T08:00:00+08:00'],
    ['new year’s eve', '2025-12-31T21:30:00+08:00', '2026-01-01T08:00:00+08:00'],
    // UTC midnight is 08:00 in Shanghai: a UTC date change must not confuse the local date.
    ['an instant given in UTC the previous day', '2025-03-05T16:30:00Z', '2025-03-06T00:00:00Z'],
  ])('%s', (_case, given, expected) => {
    expect(nextAllowedInstant(at(given), DEFAULT_QUIET_HOURS).toISOString()).toBe(at(expected).toISOString());
  });

  it('gives back the very instant it was given when sending is allowed', () => {
    const instant = at('2025-03-05T10:00:00+08:00');
    expect(nextAllowedInstant(instant, DEFAULT_QUIET_HOURS)).toBe(instant);
  });
});

describe('nextAllowedInstant with other windows', () => {
  const lunch = quietHoursFrom({ start: '12:00', end: '14:00', timeZone: 'Asia/Shanghai' });
  const none = quietHoursFrom({ start: '22:00', end: '22:00', timeZone: 'Asia/Shanghai' });

  it.each<[string, QuietHours, string, string]>([
    ['a window within one day: inside', lunch, '2025-03-05T12:30:00+08:00', '2025-03-05T14:00:00+08:00'],
    ['a window within one day: before it', lunch, '2025-03-05T11:59:00+08:00', '2025-03-05T11:59:00+08:00'],
    ['a window within one day: after it, late at night', lunch, '2025-03-05T23:00:00+08:00', '2025-03-05T23:00:00+08:00'],
    ['equal bounds: no quiet hours', none, '2025-03-05T22:00:00+08:00', '2025-03-05T22:00:00+08:00'],
  ])('%s', (_case, quietHours, given, expected) => {
    expect(nextAllowedInstant(at(given), quietHours).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('nextAllowedInstant across daylight-saving changes (Europe/London)', () => {
  // 2025-03-30 01:00 GMT the clocks jump to 02:00 BST; 2025-10-26 02:00 BST they fall back to 01:00 GMT.
  const evenings = quietHoursFrom({ start: '21:00', end: '08:00', timeZone: 'Europe/London' });
  const gapEnd = quietHoursFrom({ start: '00:00', end: '01:30', timeZone: 'Europe/London' });
  const doubledEnd = quietHoursFrom({ start: '00:30', end: '01:30', timeZone: 'Europe/London' });

  it.each<[string, QuietHours, string, string]>([
    ['a night the clocks go forward (a 10-hour night)', evenings, '2025-03-29T22:00:00Z', '2025-03-30T07:00:00Z'],
    ['the evening after the clocks went forward', evenings, '2025-03-30T20:00:00Z', '2025-03-31T07:00:00Z'],
    ['a night the clocks go back (a 12-hour night)', evenings, '2025-10-25T20:00:00Z', '2025-10-26T08:00:00Z'],
    ['summer: 21:00 BST is 20:00 UTC', evenings, '2025-07-01T20:00:00Z', '2025-07-02T07:00:00Z'],
    ['summer: 20:59 BST is still allowed', evenings, '2025-07-01T19:59:00Z', '2025-07-01T19:59:00Z'],
    ['winter: 21:00 GMT is 21:00 UTC', evenings, '2025-12-01T21:00:00Z', '2025-12-02T08:00:00Z'],
    ['winter: 20:30 UTC is allowed', evenings, '2025-12-01T20:30:00Z', '2025-12-01T20:30:00Z'],
    // 01:30 does not exist on 30 March: the window ends when the clock jumps to 02:00 BST.
    ['an end time skipped by the spring gap', gapEnd, '2025-03-30T00:30:00Z', '2025-03-30T01:00:00Z'],
    // 01:30 happens twice on 26 October: first at 00:30 UTC (BST), then at 01:30 UTC (GMT).
    ['an end time that happens twice: the first pass', doubledEnd, '2025-10-25T23:45:00Z', '2025-10-26T00:30:00Z'],
    ['an end time that happens twice: inside the second pass', doubledEnd, '2025-10-26T01:10:00Z', '2025-10-26T01:30:00Z'],
    ['between the two passes the clock reads 01:30–01:59 BST: allowed', doubledEnd, '2025-10-26T00:40:00Z', '2025-10-26T00:40:00Z'],
  ])('%s', (_case, quietHours, given, expected) => {
    expect(nextAllowedInstant(at(given), quietHours).toISOString()).toBe(at(expected).toISOString());
  });

  it('never answers an instant inside quiet hours, nor one before the instant asked about', () => {
    // Every 7 minutes across both London changes and an ordinary Shanghai night.
    const sweeps: [QuietHours, string][] = [
      [evenings, '2025-03-29T12:00:00Z'],
      [evenings, '2025-10-25T12:00:00Z'],
      [gapEnd, '2025-03-29T12:00:00Z'],
      [doubledEnd, '2025-10-25T12:00:00Z'],
      [DEFAULT_QUIET_HOURS, '2025-03-05T00:00:00Z'],
    ];
    for (const [quietHours, from] of sweeps) {
      for (let minutes = 0; minutes < 36 * 60; minutes += 7) {
        const given = new Date(at(from).getTime() + minutes * 60_000);
        const allowed = nextAllowedInstant(given, quietHours);
        expect(allowed.getTime()).toBeGreaterThanOrEqual(given.getTime());
        expect(isWithinQuietHours(allowed, quietHours)).toBe(false);
        expect(allowed.getTime() === given.getTime()).toBe(!isWithinQuietHours(given, quietHours));
      }
    }
  });
});

describe('quietHoursFrom', () => {
  it('reads HH:MM settings into minutes after midnight', () => {
    expect(quietHoursFrom({ start: '21:00', end: '08:00', timeZone: 'Asia/Shanghai' })).toEqual(DEFAULT_QUIET_HOURS);
    expect(quietHoursFrom({ start: '00:00', end: '23:59', timeZone: 'Asia/Hong_Kong' })).toEqual({
      startMinute: 0,
      endMinute: 1439,
      timeZone: 'Asia/Hong_Kong',
    });
  });

  it.each<[string, { start: string; end: string; timeZone: string }, string[]]>([
    ['an hour past 23', { start: '24:00', end: '08:00', timeZone: 'Asia/Shanghai' }, ['start']],
    ['no leading zero', { start: '21:00', end: '8:00', timeZone: 'Asia/Shanghai' }, ['end']],
    ['seconds', { start: '21:00:00', end: '08:00', timeZone: 'Asia/Shanghai' }, ['start']],
    ['an unknown zone', { start: '21:00', end: '08:00', timeZone: 'Asia/Atlantis' }, ['timeZone']],
    ['an offset instead of a zone', { start: '21:00', end: '08:00', timeZone: 'UTC+8:00' }, ['timeZone']],
    ['everything', { start: '', end: '99:99', timeZone: '' }, ['start', 'end', 'timeZone']],
  ])('refuses %s, naming the setting', (_case, settings, fields) => {
    let thrown: unknown;
    try {
      quietHoursFrom(settings);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidQuietHoursError);
    expect((thrown as InvalidQuietHoursError).fields.map((problem) => problem.field)).toEqual(fields);
  });
});
