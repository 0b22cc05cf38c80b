import { smsSegments } from './sms-segments';

describe('smsSegments', () => {
  it('counts GSM-7 bodies in 160 septets, then 153 per segment', () => {
    expect(smsSegments('')).toBe(1);
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('a'.repeat(306))).toBe(2);
    expect(smsSegments('a'.repeat(307))).toBe(3);
  });

  it('counts extension characters (€, [, ]) as two septets', () => {
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('€'.repeat(81))).toBe(2);
  });

  it('counts any other character as UCS-2: 70 units, then 67 per segment', () => {
    expect(smsSegments('退'.repeat(70))).toBe(1);
    expect(smsSegments('退'.repeat(71))).toBe(2);
    expect(smsSegments('退'.repeat(134))).toBe(2);
    expect(smsSegments('退'.repeat(135))).toBe(3);
    expect(smsSegments('👍'.repeat(35))).toBe(1); // two UTF-16 units each
    expect(smsSegments('👍'.repeat(36))).toBe(2);
  });
});
