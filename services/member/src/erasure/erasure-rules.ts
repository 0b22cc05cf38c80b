import type { AuditEntry, AuditValue } from '../audit/audit-entry.entity';
import type { ConsentRecord, Member, MemberCard } from '../members/member.entity';

/** The name an erased member is shown with. */
export const ERASED_NAME = '(erased)';

/** What stands in an erased member's phone: nobody's number, unique per member, so the unique index holds and the number is free again. */
export function erasedPhoneOf(memberId: string): string {
  return `erased:${memberId}`;
}

/** Roles that may erase a member. */
export const ERASING_ROLES: readonly string[] = ['supervisor', 'admin'];

/** An audit value after erasure: whether something was there (and yes/no answers), never what. */
function erasedValue(value: AuditValue): AuditValue {
  if (value === null || typeof value === 'boolean') return value;
  return '***';
}

/** An audit entry after erasure: who did what to which field and when stays; values and staff's free text go. */
export function erasedAuditEntry(entry: AuditEntry): AuditEntry {
  const { reason: _reason, ...kept } = entry;
  return { ...kept, changes: (entry.changes ?? []).map((change) => ({ field: change.field, from: erasedValue(change.from), to: erasedValue(change.to) })) };
}

/**
 * The tombstone of an erased member: the id, status, how and when they registered, their card
 * numbers (closed, so a number is never handed out again) and tier stay; everything that says
 * who the person is goes. Consent is withdrawn (a record with channel `erasure`) unless it was.
 */
export function erasedMember(member: Member, at: Date, staffId: string): { member: Member; consentRecord?: ConsentRecord } {
  const cards: MemberCard[] = member.cards.map((card) => ({
    number: card.number,
    state: 'closed',
    issuedAt: card.issuedAt,
    stateChangedAt: at,
    ...(card.replacedBy ? { replacedBy: card.replacedBy } : {}),
  }));
  const withdrawal: ConsentRecord | undefined = member.consent?.granted === false ? undefined : { granted: false, channel: 'erasure', at, recordedBy: staffId };
  const erased: Member = {
    id: member.id,
    status: 'erased',
    closedAt: at,
    ...(member.mergedInto ? { mergedInto: member.mergedInto } : {}),
    mergedFrom: member.mergedFrom,
    phone: erasedPhoneOf(member.id),
    name: ERASED_NAME,
    cardNumber: member.cardNumber,
    channel: member.channel,
    registeredAt: member.registeredAt,
    interests: [],
    tags: [],
    cards,
    ...(withdrawal ? { consent: withdrawal } : member.consent ? { consent: member.consent } : {}),
    ...(member.tier ? { tier: member.tier } : {}),
  };
  return { member: erased, ...(withdrawal ? { consentRecord: withdrawal } : {}) };
}
