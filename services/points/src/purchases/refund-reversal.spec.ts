import { reverseForRefund, type RefundInput } from './refund-reversal';

const sale: RefundInput = {
  earnedPoints: 101,
  saleAmountMinor: 10_150,
  refundedAmountMinor: 0,
  reversedPoints: 0,
  refundAmountMinor: 10_150,
  matured: false,
  available: 0,
  policy: 'debt',
};

describe('reverseForRefund', () => {
  it('reverses a full refund exactly, from pending while the return window is open', () => {
    expect(reverseForRefund(sale)).toEqual({ points: 101, deltas: { pending: -101, lifetimeEarned: -101 } });
  });

  it('reverses partial refunds in proportion without drift', () => {
    const first = reverseForRefund({ ...sale, refundAmountMinor: 5_075 });
    const second = reverseForRefund({ ...sale, refundedAmountMinor: 5_075, reversedPoints: first.points, refundAmountMinor: 5_075 });
    expect(first.points).toBe(51); // 50.5 rounds half up
    expect(first.points + second.points).toBe(101);
  });

  it('takes matured points from available when they are there', () => {
    expect(reverseForRefund({ ...sale, matured: true, available: 500 })).toEqual({ points: 101, deltas: { available: -101, lifetimeEarned: -101 } });
  });

  it.each<[RefundInput['policy'], Record<string, number>]>([
    ['negative-balance', { available: -101, lifetimeEarned: -101 }],
    ['debt', { available: -40, debt: 61, lifetimeEarned: -101 }],
  ])('follows the %s policy when the points were already spent, and flags it', (policy, deltas) => {
    const reversal = reverseForRefund({ ...sale, matured: true, available: 40, policy });
    expect(reversal.deltas).toEqual(deltas);
    expect(reversal.flag).toBe('refund took back 101 points; 61 had already been spent');
  });

  it('reverses nothing for a sale that earned nothing', () => {
    expect(reverseForRefund({ ...sale, earnedPoints: 0 })).toEqual({ points: 0, deltas: {} });
  });
});
