import type { MemberProfile } from '../members/member-profile.entity';
import { checkFrequencyCap, DEFAULT_FREQUENCY_CAP, type FrequencyCap } from './frequency-cap';
import { checkEligibility, type IneligibilityReason } from './message-eligibility';
import type { MessageKind } from './message-kind';
import { DEFAULT_QUIET_HOURS, nextAllowedInstant, type QuietHours } from './quiet-hours';

/** Why a recipient gets no message: campaign results count "excluded by reason" with these. */
export type ExclusionReason = IneligibilityReason | 'frequency-capped';

export type SendDecision =
  /** Send at `at`: `now`, or the end of quiet hours for marketing (`deferred` true then). */
  | { readonly send: true; readonly at: Date; readonly deferred: boolean }
  | { readonly send: false; readonly reason: ExclusionReason };

export interface SendRules {
  readonly quietHours?: QuietHours;
  readonly frequencyCap?: FrequencyCap;
}

/**
 * Everything compliance says about one message to one member at `now`, in order: eligibility
 * for the kind (message-eligibility), then for marketing the frequency cap over the member's
 * marketing messages sent or queued (`marketingSends`), then quiet hours, which defer and never
 * drop. Transactional messages skip the cap and quiet hours: a sign-up code at 23:00 is wanted
 * at 23:00.
 */
export function decideSend(
  member: MemberProfile,
  kind: MessageKind,
  now: Date,
  marketingSends: readonly Date[],
  rules: SendRules = {},
): SendDecision {
  const eligibility = checkEligibility(member, kind);
  if (!eligibility.eligible) return { send: false, reason: eligibility.reason };
  if (kind === 'transactional') return { send: true, at: now, deferred: false };
  const cap = checkFrequencyCap(marketingSends, now, rules.frequencyCap ?? DEFAULT_FREQUENCY_CAP);
  if (!cap.allowed) return { send: false, reason: cap.reason };
  const at = nextAllowedInstant(now, rules.quietHours ?? DEFAULT_QUIET_HOURS);
  return { send: true, at, deferred: at.getTime() !== now.getTime() };
}
