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
    ['replied STOP', { smsOptedOut: true, smsOptedOutAt: new Date('2025-01-01T00:00:00Z') }, 'opted-out', 'opted-out'],
    ['replied STOP, consent still recorded as granted', { smsOptedOut: true }, 'opted-out', 'opted-out'],
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
    ['opted out with a frozen card', { smsOptedOut: true, cardState: 'frozen' }, 'opted-out', 'opted-out'],
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
