import type { MemberProfile } from '../members/member-profile.entity';
import { memberMatchesSegment } from './segment-evaluator';
import type { SegmentContext, SegmentRule } from './segment-rule.entity';

// Most of the evaluator's semantics are held against the translator's in segment-agreement.spec.ts;
// these cases are about time: relative rules move with `now`, never with the clock.

const DAY_MS = 86_400_000;
const registeredAt = new Date('2025-01-01T00:00:00Z');
const newcomer: MemberProfile = {
  memberId: 'm-1',
  name: 'Ann',
  phone: '+8613800138000',
  language: 'en',
  tier: 'silver',
  birthday: { month: 1, day: 1 },
  registeredAt,
  registrationChannel: 'desk',
  tags: [],
  marketingConsent: { granted: true },
  smsOptedOut: false,
  cardState: 'active',
  erased: false,
  pointsBalance: 0,
  spendLast12MonthsMinor: 0,
  phoneInvalid: false,
};
const at = (daysAfterRegistration: number, timeZone = 'Asia/Shanghai'): SegmentContext => ({
  now: new Date(registeredAt.getTime() + daysAfterRegistration * DAY_MS),
  timeZone,
});

describe('memberMatchesSegment over time', () => {
  it.each<[string, SegmentRule, number, boolean]>([
    ['a member who never bought has not lapsed before N days of membership', { noPurchaseForDays: 30 }, 29.999, false],
    ['…and has, from N days on', { noPurchaseForDays: 30 }, 30, true],
    ['registered within N days, up to the instant before', { registeredWithinDays: 30 }, 29.999, true],
    ['…and no longer at N days', { registeredWithinDays: 30 }, 30, false],
  ])('%s', (_case, rule, days, expected) => {
    expect(memberMatchesSegment(newcomer, rule, at(days))).toBe(expected);
  });

  it('a purchase resets "no purchase for N days"', () => {
    const bought = { ...newcomer, lastPurchaseAt: new Date(registeredAt.getTime() + 40 * DAY_MS) };
    expect(memberMatchesSegment(bought, { noPurchaseForDays: 30 }, at(60))).toBe(false);
    expect(memberMatchesSegment(bought, { noPurchaseForDays: 30 }, at(70))).toBe(true);
  });

  it('"registered within N days" and "never bought for N days" split a non-buyer exactly', () => {
    for (const days of [0, 1, 29, 29.5, 30, 30.001, 365]) {
      const within = memberMatchesSegment(newcomer, { registeredWithinDays: 30 }, at(days));
      const lapsed = memberMatchesSegment(newcomer, { noPurchaseForDays: 30 }, at(days));
      expect(within).toBe(!lapsed);
    }
  });

  it('"this month" for a January birthday is true in January on the centre’s calendar', () => {
    // 2024-12-31T16:30Z is already 1 January in Shanghai, still 31 December in London.
    const newYearsEve = { now: new Date('2024-12-31T16:30:00Z') };
    expect(memberMatchesSegment(newcomer, { birthdayMonth: 'current' }, { ...newYearsEve, timeZone: 'Asia/Shanghai' })).toBe(true);
    expect(memberMatchesSegment(newcomer, { birthdayMonth: 'current' }, { ...newYearsEve, timeZone: 'Europe/London' })).toBe(false);
    expect(memberMatchesSegment(newcomer, { birthdayMonth: 'next' }, { ...newYearsEve, timeZone: 'Europe/London' })).toBe(true);
  });
});
