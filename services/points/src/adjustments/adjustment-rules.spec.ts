import { ZERO_BALANCES } from '../accounts/account.entity';
import { applyDeltas, checkAdjustment, deltasOf } from './adjustment-rules';

describe('staff adjustment rules', () => {
  it.each([
    ['a credit', 500, 0, undefined],
    ['a debit of less than available', -300, 500, undefined],
    ['a debit of exactly available', -500, 500, undefined],
    ['a debit beyond available', -501, 500, { code: 'adjustment.exceeds-available', available: 500 }],
    ['any debit when available is below zero', -1, -20, { code: 'adjustment.exceeds-available', available: -20 }],
    ['a credit when available is below zero', 30, -20, undefined],
    ['a credit above the limit', 100_001, 0, { code: 'adjustment.points-too-large', limit: 100_000 }],
    ['a debit above the limit', -100_001, 1_000_000, { code: 'adjustment.points-too-large', limit: 100_000 }],
    ['a credit of the limit exactly', 100_000, 0, undefined],
  ])('%s: %i with %i available', (_, points, available, refusal) => {
    expect(checkAdjustment(points, available, 100_000)).toEqual(refusal);
  });

  it('moves available points only', () => {
    const before = { ...ZERO_BALANCES, available: 100, pending: 40, lifetimeEarned: 140 };
    expect(applyDeltas(before, deltasOf(-30))).toEqual({ ...before, available: 70 });
    expect(applyDeltas(before, deltasOf(25))).toEqual({ ...before, available: 125 });
  });
});
