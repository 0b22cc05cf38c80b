import { expiryDateOf, expiryInstantOf, expiryPolicyName, parseExpiryPolicy, type ExpiryPolicy } from './expiry-policy';

const SHANGHAI = 'Asia/Shanghai';

describe('expiry policies', () => {
  it.each<[string, ExpiryPolicy | undefined]>([
    ['none', { kind: 'none' }],
    ['end-of-year-after', { kind: 'end-of-year-after' }],
    ['months-after:12', { kind: 'months-after', months: 12 }],
    ['months-after:1', { kind: 'months-after', months: 1 }],
    ['months-after:0', undefined],
    ['months-after:121', undefined],
    ['months-after:', undefined],
    ['months-after:-3', undefined],
    ['end-of-year', undefined],
    ['', undefined],
  ])('reads %j', (text, policy) => {
    expect(parseExpiryPolicy(text)).toEqual(policy);
    if (policy) expect(expiryPolicyName(policy)).toBe(text);
  });

  it.each<[string, string, string | undefined]>([
    // Earned in 2025 (centre time): spendable through the end of 2026.
    ['end-of-year-after', '2025-01-01T00:00:00+08:00', '2026-12-31'],
    ['end-of-year-after', '2025-12-31T23:59:59+08:00', '2026-12-31'],
    // 16:30 UTC on 31 December is already 1 January in Shanghai: earned in 2026.
    ['end-of-year-after', '2025-12-31T16:30:00Z', '2027-12-31'],
    ['end-of-year-after', '2025-12-31T15:59:59Z', '2026-12-31'],
    ['months-after:12', '2026-03-15T10:00:00+08:00', '2027-03-15'],
    ['months-after:1', '2026-01-31T10:00:00+08:00', '2026-02-28'],
    ['months-after:1', '2028-01-31T10:00:00+08:00', '2028-02-29'],
    ['months-after:3', '2026-11-30T10:00:00+08:00', '2027-02-28'],
    ['months-after:24', '2026-02-28T10:00:00+08:00', '2028-02-28'],
    // The centre's day, not UTC's: 20:00 UTC on 14 March is 15 March in Shanghai.
    ['months-after:6', '2026-03-14T20:00:00Z', '2026-09-15'],
    ['none', '2020-01-01T00:00:00+08:00', undefined],
  ])('%s dates points earned at %s to %s', (text, earnedAt, expiryDate) => {
    expect(expiryDateOf(new Date(earnedAt), parseExpiryPolicy(text)!, SHANGHAI)).toBe(expiryDate);
  });

  it('expires points when the centre\'s day after the expiry date begins', () => {
    expect(expiryInstantOf('2026-12-31', SHANGHAI).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(expiryInstantOf('2027-02-28', 'UTC').toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('never dates later earnings earlier than older ones', () => {
    for (const text of ['end-of-year-after', 'months-after:1', 'months-after:7']) {
      const policy = parseExpiryPolicy(text)!;
      let previous = '';
      for (let at = Date.parse('2025-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 13 * 3_600_000) {
        const date = expiryDateOf(new Date(at), policy, SHANGHAI)!;
        expect(date >= previous).toBe(true);
        previous = date;
      }
    }
  });
});
