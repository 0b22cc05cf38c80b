import { Injectable } from '@nestjs/common';
import type { StaffActor } from '@atrium/staff-identity';
import { auditEntryOf } from '../audit/audit-entries';
import { auditChange } from '../audit/audit-masking';
import type { Member, NotificationPreferences } from '../members/member.entity';
import { MemberNotFoundError } from '../members/member.errors';
import { MemberEvents } from '../members/member-events';
import { MembersRepository, type MemberChange } from '../members/members.repository';
import { changesPreferences, preferencesOf, type CurrentPreferences } from './notification-preferences';

/** Who sets a member's preferences: a staff member (audited), or the shopper themself. */
export type PreferencesCaller = { readonly kind: 'staff'; readonly actor: StaffActor } | { readonly kind: 'shopper' };

/**
 * The optional transactional SMS a member wants (points earned). A change is one write of the
 * member's document: the new preferences, the audit entry when staff made it, and
 * member.notification-preferences-changed for the SMS service. A repeat writes nothing.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
  ) {}

  async get(memberId: string): Promise<CurrentPreferences> {
    const member = await this.members.findById(memberId);
    if (!member) throw new MemberNotFoundError(memberId);
    return preferencesOf(member);
  }

  /** Sets the preferences of an active member (a merged or erased record: 409). */
  async set(memberId: string, input: Pick<NotificationPreferences, 'pointsEarned'>, caller: PreferencesCaller): Promise<CurrentPreferences> {
    const member = await this.members.change(memberId, ({ member: current }) => this.apply(current, input, caller));
    return preferencesOf(member);
  }

  private apply(member: Member, input: Pick<NotificationPreferences, 'pointsEarned'>, caller: PreferencesCaller): MemberChange | undefined {
    if (!changesPreferences(member, input)) return undefined;
    const preferences: NotificationPreferences = { pointsEarned: input.pointsEarned, changedAt: new Date() };
    const next: Member = { ...member, notifications: preferences };
    // Staff changes are audited as consent is; a shopper's own choice is the member's, with no staff to name.
    const audit =
      caller.kind === 'staff'
        ? auditEntryOf(caller.actor, 'notifications.changed', [auditChange('pointsEarned', preferencesOf(member).pointsEarned, input.pointsEarned)], preferences.changedAt)
        : undefined;
    return {
      member: next,
      ...(audit ? { audit } : {}),
      events: [this.events.notificationPreferencesChanged(next, preferences, caller.kind === 'staff' ? 'staff' : 'self-service')],
    };
  }
}
