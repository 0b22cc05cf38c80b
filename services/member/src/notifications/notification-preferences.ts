import type { Member, NotificationPreferences } from '../members/member.entity';

/**
 * The optional transactional SMS a member wants, as pure rules. Every preference is off until
 * the member asks for it: a registration (desk, self-service, import) sets none, since a
 * message the member did not ask for is exactly what an optional one must not be.
 */

/** What a member wants now: their choice, or every preference off when they never chose. */
export interface CurrentPreferences {
  readonly pointsEarned: boolean;
  /** When the member last chose; absent when never. */
  readonly changedAt?: Date;
}

export function preferencesOf(member: Pick<Member, 'notifications'>): CurrentPreferences {
  return member.notifications ?? { pointsEarned: false };
}

/** Whether setting `next` changes what the member wants (a repeat is not recorded, audited or announced). */
export function changesPreferences(member: Pick<Member, 'notifications'>, next: Pick<NotificationPreferences, 'pointsEarned'>): boolean {
  return preferencesOf(member).pointsEarned !== next.pointsEarned;
}
