import type { MemberProfile } from '../members/member-profile.entity';
import { pointsEarnedRecipientId, wantsPointsEarnedSms } from './points-earned-notice';

const member: MemberProfile = {
  memberId: '9b1f3c1e-3f7a-4a55-9d5e-2f4f0b8e6a10',
  name: 'Test Shopper',
  phone: '+85251234567',
  language: 'en',
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  registrationChannel: 'desk',
  tags: [],
  marketingConsent: { granted: false },
  smsOptedOut: false,
  cardState: 'active',
  erased: false,
  pointsBalance: 0,
  spendLast12MonthsMinor: 0,
  phoneInvalid: false,
};

describe('wantsPointsEarnedSms', () => {
  it('sends only to a member who asked for it, marketing consent or not', () => {
    expect(wantsPointsEarnedSms({ ...member, notifications: { pointsEarned: true } }, 50)).toBe(true);
    expect(wantsPointsEarnedSms({ ...member, notifications: { pointsEarned: false } }, 50)).toBe(false);
    expect(wantsPointsEarnedSms(member, 50)).toBe(false);
  });

  it('sends nothing for an earning of no points, to an erased member or to one the projection does not know', () => {
    const wanting = { ...member, notifications: { pointsEarned: true } };
    expect(wantsPointsEarnedSms(wanting, 0)).toBe(false);
    expect(wantsPointsEarnedSms({ ...wanting, erased: true }, 50)).toBe(false);
    expect(wantsPointsEarnedSms(undefined, 50)).toBe(false);
  });
});

describe('pointsEarnedRecipientId', () => {
  it('is one id per sale (tenant and receipt), whatever event announced it', () => {
    expect(pointsEarnedRecipientId('starbucks-l1', 'R-001')).toBe('tx:earned:starbucks-l1:R-001');
    expect(pointsEarnedRecipientId('starbucks-l1', 'R-001')).not.toBe(pointsEarnedRecipientId('starbucks-l2', 'R-001'));
  });
});
