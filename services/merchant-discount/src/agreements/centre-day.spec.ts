import { centreDay } from './centre-day';

describe('centreDay', () => {
  it('reads the day in the centre, not in UTC', () => {
    expect(centreDay('Asia/Shanghai', new Date('2027-03-31T16:30:00Z'))).toBe('2027-04-01');
    expect(centreDay('Asia/Shanghai', new Date('2027-03-31T15:59:00Z'))).toBe('2027-03-31');
    expect(centreDay('America/New_York', new Date('2027-01-01T03:00:00Z'))).toBe('2026-12-31');
  });
});
