import type { Reward } from '../rewards/reward.entity';
import type { Redemption } from './redemption.entity';
import { cancellableUntil, cancelRefusal, redemptionPoints, requestRefusal, reservationRefusal } from './redemption-rules';

const at = (iso: string) => new Date(iso);
const WINDOW = 30 * 60_000;

const gift: Reward = {
  id: 'r1',
  kind: 'gift',
  name: 'Umbrella',
  pointsPrice: 500,
  tiers: [],
  funding: { by: 'centre' },
  status: 'active',
  createdAt: at('2026-01-01T00:00:00Z'),
  createdBy: 'spec-bo',
  updatedAt: at('2026-01-01T00:00:00Z'),
  updatedBy: 'spec-bo',
};
const parking: Reward = { ...gift, kind: 'parking', pointsPrice: 100, maxHoursPerDay: 3 };
const voucher: Reward = { ...gift, kind: 'voucher' };

const redemption: Redemption = {
  id: 'x1',
  code: 'K7M2-QX4P',
  channel: 'desk',
  status: 'completed',
  memberId: 'm1',
  rewardId: 'r1',
  rewardName: 'Umbrella',
  rewardKind: 'gift',
  funding: { by: 'centre' },
  location: 'desk-l1',
  quantity: 1,
  pointsPrice: 500,
  points: 500,
  availableAfter: 0,
  createdAt: at('2026-11-27T10:00:00Z'),
  entryId: 'redeem:x1',
};

describe('redemption requests', () => {
  it.each([
    [gift, {}, 'location'],
    [gift, { location: 'desk-l1' }, undefined],
    [gift, { location: 'desk-l1', plate: '粤B12345' }, 'plate'],
    [voucher, {}, undefined],
    [voucher, { hours: 2 }, 'hours'],
    [parking, { hours: 2 }, 'plate'],
    [parking, { plate: '粤B12345' }, 'hours'],
    [parking, { plate: '粤B12345', hours: 2, quantity: 2 }, 'quantity'],
    [parking, { plate: '粤B12345', hours: 2 }, undefined],
  ])('a %s reward with %o: field at fault %s', (reward, request, field) => {
    expect(requestRefusal(reward, request)?.field).toBe(field);
  });

  it('reserves gifts only', () => {
    expect(reservationRefusal(gift)).toBeUndefined();
    expect(reservationRefusal(voucher)).toMatchObject({ code: 'reservation.not-reservable', field: 'rewardId', status: 'invalid' });
    expect(reservationRefusal(parking)?.code).toBe('reservation.not-reservable');
  });

  it('costs the price per unit, or per hour for parking', () => {
    expect(redemptionPoints(gift, 3, undefined)).toBe(1500);
    expect(redemptionPoints(parking, 1, 3)).toBe(300);
  });
});

describe('cancelling a redemption', () => {
  it('is allowed within the window after a desk redemption, including its last instant', () => {
    expect(cancellableUntil(redemption, WINDOW)).toEqual(at('2026-11-27T10:30:00Z'));
    expect(cancelRefusal(redemption, at('2026-11-27T10:30:00Z'), WINDOW)).toBeUndefined();
  });

  it('is refused after the window, naming it', () => {
    expect(cancelRefusal(redemption, at('2026-11-27T10:30:00.001Z'), WINDOW)).toEqual({
      code: 'redemption.cancel-window-passed',
      status: 'conflict',
      field: 'redemptionId',
      message: expect.stringContaining('30 minutes') as unknown,
      details: { redemptionStatus: 'completed', cancelWindowMinutes: 30, cancellableUntil: '2026-11-27T10:30:00.000Z' },
    });
  });

  it('counts the window of a collected reservation from its collection', () => {
    const collected: Redemption = { ...redemption, channel: 'online', status: 'collected', collectedAt: at('2026-11-28T09:00:00Z') };
    expect(cancelRefusal(collected, at('2026-11-28T09:20:00Z'), WINDOW)).toBeUndefined();
    expect(cancelRefusal(collected, at('2026-11-28T09:31:00Z'), WINDOW)?.code).toBe('redemption.cancel-window-passed');
  });

  it('lets a reservation go at any time before collection', () => {
    expect(cancelRefusal({ ...redemption, channel: 'online', status: 'reserved' }, at('2026-12-30T00:00:00Z'), WINDOW)).toBeUndefined();
  });

  it.each([
    ['cancelled', 'redemption.already-cancelled'],
    ['expired', 'redemption.already-cancelled'],
    ['failed', 'redemption.failed'],
    ['processing', 'redemption.in-progress'],
  ] as const)('is refused when %s', (status, code) => {
    expect(cancelRefusal({ ...redemption, status }, at('2026-11-27T10:01:00Z'), WINDOW)?.code).toBe(code);
  });
});
