import type { MemberProfile } from '../members/member-profile.entity';
import type { MessageKind } from './message-kind';

/**
 * Why a member gets no message of a kind; campaign results count recipients "excluded by
 * reason" with these codes.
 */
export const INELIGIBILITY_REASONS = ['erased', 'phone-invalid', 'carrier-blocked', 'opted-out', 'card-frozen', 'card-closed', 'no-consent'] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export type Eligibility = { readonly eligible: true } | { readonly eligible: false; readonly reason: IneligibilityReason };

const ELIGIBLE: Eligibility = { eligible: true };

// E.164: a plus, a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Whether `member` may receive a message of `kind` at all (quiet hours and the frequency cap are
 * separate checks). When several reasons apply the most lasting one is given, in the order of
 * INELIGIBILITY_REASONS, so a count by reason does not depend on the order checks ran in.
 *
 * Marketing needs all of: not erased, a number that can receive SMS, no carrier block, no STOP
 * in force, a card that is neither frozen nor closed, and consent. A **lost** card does not stop marketing: the
 * card is lost, not the member or the phone, and the member is still in the programme (a
 * replacement card keeps the account).
 *
 * Transactional messages (sign-in codes, redemption confirmations, reminders the member asked
 * for) are exempt from consent, the cap and quiet hours, and from a marketing opt-out: a STOP
 * or T reply (`smsOptedOut`) stops campaigns only, or a shopper who opted out of offers could
 * no longer sign in. Only the carrier's block (`smsCarrierBlockedAt`, Twilio error 21610)
 * stops them, because Twilio refuses every message to that number until the member texts
 * START. Transactional messages also never go to erased members, invalid numbers or frozen
 * cards; a closed card does not stop them, so the member can still be told about the closure
 * and what happens to the points.
 */
export function checkEligibility(member: MemberProfile, kind: MessageKind): Eligibility {
  if (member.erased) return refused('erased');
  if (member.phoneInvalid || !E164.test(member.phone)) return refused('phone-invalid');
  if (member.smsCarrierBlockedAt !== undefined) return refused('carrier-blocked');
  if (kind === 'marketing' && member.smsOptedOut) return refused('opted-out');
  if (member.cardState === 'frozen') return refused('card-frozen');
  switch (kind) {
    case 'transactional':
      return ELIGIBLE;
    case 'marketing':
      if (member.cardState === 'closed') return refused('card-closed');
      if (!member.marketingConsent.granted) return refused('no-consent');
      return ELIGIBLE;
  }
}

function refused(reason: IneligibilityReason): Eligibility {
  return { eligible: false, reason };
}
