import type { MemberProfile } from '../members/member-profile.entity';
import { checkEligibility, type IneligibilityReason } from './message-eligibility';

/** A member every message may reach: each case below changes what it names. */
const reachable: MemberProfile = {
  memberId: '0b8e6f0e-3f5a-4a36-9a43-5d0c2f1f3a01',
  name: '陳大文',
  phone: '+8613800138000',
  language: 'zh-Hant',
  tier: 'gold',
  registeredAt: new Date('2023-05-01T02:00:00Z'),
  registrationChannel: 'desk',
  tags: [],
  marketingConsent: { granted: true, at: new Date('2023-05-01T02:00:00Z') },
  smsOptedOut: false,
  cardState: 'active',
  erased: false,
  pointsBalance: 1200,
  spendLast12MonthsMinor: 560_000,
  phoneInvalid: false,
};

type Expected = 'eligible' | IneligibilityReason;

describe('checkEligibility', () => {
  it.each<[string, Partial<MemberProfile>, Expected, Expected]>([
    // case, change, marketing, transactional
    ['a consenting member with an active card', {}, 'eligible', 'eligible'],
    ['no marketing consent', { marketingConsent: { granted: false } }, 'no-consent', 'eligible'],
    ['consent withdrawn at the desk (not a STOP)', { marketingConsent: { granted: false, at: new Date('2025-01-01T00:00:00Z') } }, 'no-consent', 'eligible'],
    // A marketing opt-out never stops sign-in codes and the like.
    ['replied STOP (or T, 退訂)', { smsOptedOut: true, smsOptedOutAt: new Date('2025-01-01T00:00:00Z') }, 'opted-out', 'eligible'],
    ['replied STOP, consent still recorded as granted', { smsOptedOut: true }, 'opted-out', 'eligible'],
    ['replied STOP, no consent', { smsOptedOut: true, marketingConsent: { granted: false } }, 'opted-out', 'eligible'],
    // Only the carrier's block (Twilio 21610) stops them.
    ['the carrier blocks the number (21610)', { smsCarrierBlockedAt: new Date('2025-01-01T00:00:00Z') }, 'carrier-blocked', 'carrier-blocked'],
    ['carrier-blocked and opted out', { smsCarrierBlockedAt: new Date('2025-01-01T00:00:00Z'), smsOptedOut: true }, 'carrier-blocked', 'carrier-blocked'],
    ['carrier-blocked with a frozen card', { smsCarrierBlockedAt: new Date('2025-01-01T00:00:00Z'), cardState: 'frozen' }, 'carrier-blocked', 'carrier-blocked'],
    ['a lost card', { cardState: 'lost' }, 'eligible', 'eligible'],
    ['a frozen card', { cardState: 'frozen' }, 'card-frozen', 'card-frozen'],
    ['a closed card', { cardState: 'closed' }, 'card-closed', 'eligible'],
    ['erased', { erased: true }, 'erased', 'erased'],
    ['a number Twilio refused', { phoneInvalid: true }, 'phone-invalid', 'phone-invalid'],
    ['a number that is not E.164', { phone: '13800138000' }, 'phone-invalid', 'phone-invalid'],
    ['an empty number (erased tombstone)', { phone: '' }, 'phone-invalid', 'phone-invalid'],
    // Several reasons: the most lasting one, whatever the kind.
    ['erased and opted out and no consent', { erased: true, smsOptedOut: true, marketingConsent: { granted: false } }, 'erased', 'erased'],
    ['invalid number and opted out', { phoneInvalid: true, smsOptedOut: true }, 'phone-invalid', 'phone-invalid'],
    ['opted out with a frozen card', { smsOptedOut: true, cardState: 'frozen' }, 'opted-out', 'card-frozen'],
    ['opted out with a closed card', { smsOptedOut: true, cardState: 'closed' }, 'opted-out', 'eligible'],
    ['erased and carrier-blocked', { erased: true, smsCarrierBlockedAt: new Date('2025-01-01T00:00:00Z') }, 'erased', 'erased'],
    ['frozen card and no consent', { cardState: 'frozen', marketingConsent: { granted: false } }, 'card-frozen', 'card-frozen'],
    ['closed card and no consent', { cardState: 'closed', marketingConsent: { granted: false } }, 'card-closed', 'eligible'],
  ])('%s', (_case, change, marketing, transactional) => {
    const member = { ...reachable, ...change };
    const outcome = (kind: 'marketing' | 'transactional'): Expected => {
      const eligibility = checkEligibility(member, kind);
      return eligibility.eligible ? 'eligible' : eligibility.reason;
    };
    expect({ marketing: outcome('marketing'), transactional: outcome('transactional') }).toEqual({ marketing, transactional });
  });
});
