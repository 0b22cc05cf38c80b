import { dailyHoursRefusal, hoursRefusal, parkingPoints } from './parking-rules';

describe('parking rewards', () => {
  it('costs points per hour', () => {
    expect(parkingPoints(3, 150)).toBe(450);
  });

  it.each([
    [1, 3, undefined],
    [3, 3, undefined],
    [4, 3, 'redemption.parking-hours-over-maximum'],
  ])('%i hours against a daily maximum of %i', (hours, max, code) => {
    expect(hoursRefusal(hours, max)?.code).toBe(code);
  });

  it.each([
    [2, 3, 0, undefined, undefined],
    [1, 3, 2, undefined, undefined],
    [2, 3, 2, 'redemption.parking-daily-limit', 1],
    [1, 3, 3, 'redemption.parking-daily-limit', 0],
  ])('%i more hours with a maximum of %i and %i used today', (hours, max, used, code, remaining) => {
    const refusal = dailyHoursRefusal(hours, max, used);
    expect(refusal?.code).toBe(code);
    expect(refusal?.details?.remaining).toBe(remaining);
    if (refusal) expect(refusal).toMatchObject({ status: 'conflict', field: 'hours' });
  });
});
