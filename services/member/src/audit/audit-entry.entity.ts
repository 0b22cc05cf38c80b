/** What a staff member did to a member's record. */
export const AUDIT_ACTIONS = [
  'member.registered',
  'profile.updated',
  'contact.updated',
  'consent.changed',
  /** The optional transactional SMS the member wants (POST /members/:id/notifications). */
  'notifications.changed',
  'card.reported-lost',
  'card.replaced',
  'card.frozen',
  'card.unfrozen',
  'member.imported',
  'tier.changed',
  /** On the surviving member: a duplicate was merged into it. */
  'member.merged',
  /** On the duplicate: it was closed into the surviving member. */
  'member.merged-into',
  'member.erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A value as the audit shows it: personal values already masked. */
export type AuditValue = string | number | boolean | readonly string[] | null;

/** One field's change; `from` and `to` are masked where the field is personal. */
export interface AuditChange {
  readonly field: string;
  readonly from: AuditValue;
  readonly to: AuditValue;
}

/** One staff change to a member's record: who, when, what (never raw personal values). */
export interface AuditEntry {
  readonly id: string;
  readonly at: Date;
  /** The staff member's username, as the gateway forwarded it. */
  readonly staffId: string;
  /** The staff member's roles at the time. */
  readonly staffRoles: readonly string[];
  readonly action: AuditAction;
  readonly changes: readonly AuditChange[];
  /** Why, when staff gave a reason (cards). */
  readonly reason?: string;
}
