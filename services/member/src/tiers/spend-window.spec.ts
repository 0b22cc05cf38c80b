import { addMonths, monthOf, rollingSpend, startOfMonth, windowEndingAt, yearOf } from './spend-window';

const shanghai = 'Asia/Shanghai';

describe('the rolling 12-month window', () => {
  it('puts a sale in the centre\'s calendar month, not UTC\'s', () => {
    // 31 Dec 17:30 UTC is 1 Jan 01:30 in Shanghai.
    expect(monthOf(new Date('2026-12-31T17:30:00Z'), shanghai)).toBe('2027-01');
    expect(monthOf(new Date('2026-12-31T15:59:59Z'), shanghai)).toBe('2026-12');
    expect(yearOf(new Date('2026-12-31T16:00:00Z'), shanghai)).toBe(2027);
  });

  it('counts the month asked about and the 11 before it', () => {
    expect(windowEndingAt(new Date('2026-11-27T04:00:00Z'), shanghai)).toEqual({ from: '2025-12', to: '2026-11' });
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
  });

  it('sums the months inside the window only, and never below zero', () => {
    const window = { from: '2025-12', to: '2026-11' };
    const buckets = [
      { month: '2025-11', amountMinor: 900_000 },
      { month: '2025-12', amountMinor: 100_000 },
      { month: '2026-11', amountMinor: 50_000 },
      { month: '2026-12', amountMinor: 70_000 },
    ];
    expect(rollingSpend(buckets, window)).toBe(150_000);
    expect(rollingSpend([{ month: '2026-03', amountMinor: -10 }], window)).toBe(0);
  });

  it('finds the first instant of the centre\'s month, across offsets', () => {
    expect(startOfMonth(new Date('2027-01-15T00:00:00Z'), shanghai).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(startOfMonth(new Date('2026-03-31T12:00:00Z'), 'Europe/London').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(startOfMonth(new Date('2026-04-15T12:00:00Z'), 'Europe/London').toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });
});
