import { parseOpeningHoursText } from './opening-hours-text';

describe('opening hours in a CSV cell', () => {
  it('reads ranges, lists and daily', () => {
    expect(parseOpeningHoursText('Mon-Fri 10:00-22:00; sat,sun 09:30 - 23:00')).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '10:00', closes: '22:00' },
      { days: ['sat', 'sun'], opens: '09:30', closes: '23:00' },
    ]);
    expect(parseOpeningHoursText('daily 10:00-02:00')).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '10:00', closes: '02:00' }]);
    expect(parseOpeningHoursText('mon-tue,sat 10:00-22:00')).toEqual([{ days: ['mon', 'tue', 'sat'], opens: '10:00', closes: '22:00' }]);
    expect(parseOpeningHoursText('')).toEqual([]);
  });

  it('refuses what it cannot read', () => {
    expect(parseOpeningHoursText('weekdays 10:00-22:00')).toBeUndefined();
    expect(parseOpeningHoursText('fri-mon 10:00-22:00')).toBeUndefined();
    expect(parseOpeningHoursText('mon 10-22')).toBeUndefined();
  });
});
