import { ZERO_BALANCES, type PointsAccount } from '../accounts/account.entity';
import type { Redemption } from './redemption.entity';
import { localTimeText, slipOf } from './redemption-slip';

const account: PointsAccount = {
  ...ZERO_BALANCES,
  memberId: 'm1',
  phone: '+8613800138000',
  cardNumbers: ['8800123456789'],
  tier: 'gold',
  frozen: false,
  openedAt: new Date('2026-01-01T00:00:00Z'),
};

const parking: Redemption = {
  id: 'x1',
  code: 'K7M2-QX4P',
  channel: 'desk',
  status: 'completed',
  memberId: 'm1',
  rewardId: 'r1',
  rewardName: 'Parking',
  rewardKind: 'parking',
  funding: { by: 'centre' },
  location: 'desk-l1',
  quantity: 1,
  pointsPrice: 100,
  points: 300,
  parking: { plate: '粤B12345', region: 'mainland', hours: 3, day: '2026-11-28' },
  availableAfter: 700,
  createdAt: new Date('2026-11-27T16:05:00Z'),
  staffId: 'desk-amy',
  entryId: 'redeem:x1',
};

describe('the redemption slip', () => {
  it('shows the centre\'s clock, the member masked, the line and the balance after', () => {
    expect(slipOf(parking, account, 'Asia/Shanghai', new Date('2026-11-27T16:35:00Z'))).toEqual({
      title: '停車優惠 Parking redemption',
      code: 'K7M2-QX4P',
      status: 'completed',
      channel: 'desk',
      redeemedAt: '2026-11-27T16:05:00.000Z',
      redeemedAtLocal: '2026-11-28 00:05',
      timeZone: 'Asia/Shanghai',
      location: 'desk-l1',
      servedBy: 'desk-amy',
      member: { memberId: 'm1', card: '*********6789', phone: '+86*******8000' },
      lines: [{ description: 'Parking · 粤B12345 · 3 h', quantity: 3, pointsEach: 100, points: 300 }],
      totalPoints: 300,
      availableAfter: 700,
      parking: { plate: '粤B12345', hours: 3, day: '2026-11-28' },
      cancellableUntil: '2026-11-27T16:35:00.000Z',
    });
  });

  it('formats local time on a 24-hour clock', () => {
    expect(localTimeText(new Date('2026-11-27T04:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-27 12:00');
  });
});
