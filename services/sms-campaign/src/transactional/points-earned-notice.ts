import type { MemberProfile } from '../members/member-profile.entity';

/**
 * Whether a purchase's earning calls for the earned-points SMS: the member (known to the
 * projection, not erased) asked for it, and the purchase earned points at all (a sale the rules
 * exclude earns 0 and is not worth a message). Whether the member may be texted at all (STOP,
 * a frozen card, an invalid number) is delivery's decision, as for every transactional message:
 * such a message is recorded as excluded with its reason, never sent.
 */
export function wantsPointsEarnedSms(member: MemberProfile | undefined, points: number): member is MemberProfile {
  return member !== undefined && !member.erased && member.notifications?.pointsEarned === true && points > 0;
}

/**
 * The earning a message answers, as its delivery record's id: one message per sale, however
 * often its event is delivered or published (a sale earns points once per tenant and receipt
 * number, whether the tenant's feed or a submitted receipt reported it).
 */
export function pointsEarnedRecipientId(tenantId: string, receiptNumber: string): string {
  return `tx:earned:${tenantId}:${receiptNumber}`;
}
