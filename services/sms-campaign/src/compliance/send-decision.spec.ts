import type { MemberProfile } from '../members/member-profile.entity';
import { decideSend, type SendDecision } from './send-decision';

const reachable: MemberProfile = {
  memberId: 'm-1',
  name: 'Ann',
  phone: '+8613800138000',
  language: 'en',
  tier: 'gold',
  registeredAt: new Date('2024-01-01T00:00:00Z'),
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
const afternoon = new Date('2025-06-15T15:00:00+08:00');
const lateEvening = new Date('2025-06-15T22:30:00+08:00');
const nextMorning = new Date('2025-06-16T08:00:00+08:00');
const fourThisWeek = [1, 2, 3, 4].map((days) => new Date(afternoon.getTime() - days * 86_400_000));

describe('decideSend', () => {
  it.each<[string, Partial<MemberProfile>, 'marketing' | 'transactional', Date, Date[], SendDecision]>([
    ['marketing in the afternoon', {}, 'marketing', afternoon, [], { send: true, at: afternoon, deferred: false }],
    ['marketing late in the evening: deferred to 08:00', {}, 'marketing', lateEvening, [], { send: true, at: nextMorning, deferred: true }],
    ['transactional late in the evening: now', {}, 'transactional', lateEvening, [], { send: true, at: lateEvening, deferred: false }],
    ['marketing to a member already sent 4 this month', {}, 'marketing', afternoon, fourThisWeek, { send: false, reason: 'frequency-capped' }],
    ['transactional to the same member', {}, 'transactional', afternoon, fourThisWeek, { send: true, at: afternoon, deferred: false }],
    ['marketing without consent', { marketingConsent: { granted: false } }, 'marketing', afternoon, [], { send: false, reason: 'no-consent' }],
    // Eligibility comes first: an opted-out member is "opted-out", not "capped", in the results.
    ['marketing to an opted-out, capped member', { smsOptedOut: true }, 'marketing', afternoon, fourThisWeek, { send: false, reason: 'opted-out' }],
    ['a sign-in code to a member who replied T', { smsOptedOut: true }, 'transactional', afternoon, fourThisWeek, { send: true, at: afternoon, deferred: false }],
    ['transactional to an erased member', { erased: true }, 'transactional', afternoon, [], { send: false, reason: 'erased' }],
  ])('%s', (_case, change, kind, now, sends, expected) => {
    expect(decideSend({ ...reachable, ...change }, kind, now, sends)).toEqual(expected);
  });

  it('follows configured quiet hours and cap', () => {
    const rules = { quietHours: { startMinute: 14 * 60, endMinute: 16 * 60, timeZone: 'Asia/Shanghai' }, frequencyCap: { maxMessages: 5, windowDays: 30 } };
    expect(decideSend(reachable, 'marketing', afternoon, fourThisWeek, rules)).toEqual({
      send: true,
      at: new Date('2025-06-15T16:00:00+08:00'),
      deferred: true,
    });
  });
});
