import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { auditEntryOf } from '../audit/audit-entries';
import type { AuditAction } from '../audit/audit-entry.entity';
import { auditChange } from '../audit/audit-masking';
import { MemberSettings } from '../members/member-settings';
import { PROFILE_FIELDS, type Birthday, type Gender, type Language, type Member, type ProfileField } from '../members/member.entity';
import { MemberEvents } from '../members/member-events';
import { MembersRepository } from '../members/members.repository';
import { normalizePhone } from '../members/phone-number';
import type { StaffActor } from '@atrium/staff-identity';
import { checkBirthday } from './birthday';
import { BlankEntryError, BlankNameError, NothingToChangeError } from './profile.errors';

/** A profile update as the API took it: undefined leaves a field, null clears it. */
export interface ProfileUpdate {
  readonly name?: string;
  readonly phone?: string;
  readonly gender?: Gender | null;
  readonly birthday?: Birthday | null;
  readonly district?: string | null;
  readonly preferredLanguage?: Language | null;
  readonly interests?: readonly string[];
  readonly tags?: readonly string[];
}

type ProfileValues = Partial<Pick<Member, ProfileField>>;

@Injectable()
export class ProfileService {
  constructor(
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
    private readonly settings: MemberSettings,
  ) {}

  /**
   * Changes a member's profile. Everything is checked before anything is written; a change
   * that leaves every field as it was writes nothing. Otherwise the new values, an audit entry
   * (masked) and `member.profile-updated` are one write.
   */
  async update(id: string, update: ProfileUpdate, actor: StaffActor, action: Extract<AuditAction, 'profile.updated' | 'contact.updated'>): Promise<Member> {
    const named = (Object.keys(update) as ProfileField[]).filter((field) => update[field] !== undefined);
    if (named.length === 0) throw new NothingToChangeError(action === 'contact.updated' ? ['phone', 'preferredLanguage'] : PROFILE_FIELDS);
    const values = this.normalize(update);
    const at = new Date();
    return this.members.change(id, ({ member }) => {
      const next = withValues(member, values, named);
      const changed = named.filter((field) => !isDeepStrictEqual(member[field], next[field]));
      if (changed.length === 0) return undefined;
      const audit = auditEntryOf(actor, action, changed.map((field) => auditChange(field, member[field], next[field])), at);
      return { member: next, audit, events: [this.events.profileUpdated(next, changed, at)] };
    });
  }

  /** The update's values in stored form; throws naming the field at fault. */
  private normalize(update: ProfileUpdate): ProfileValues {
    const values: { -readonly [Field in ProfileField]?: Member[Field] } = {};
    if (update.name !== undefined) {
      const name = update.name.trim();
      if (!name) throw new BlankNameError();
      values.name = name;
    }
    if (update.phone !== undefined) values.phone = normalizePhone(update.phone, this.settings.defaultRegion);
    if (update.gender) values.gender = update.gender;
    if (update.birthday) values.birthday = checkBirthday(update.birthday);
    if (update.district) values.district = update.district.trim() || undefined;
    if (update.preferredLanguage) values.preferredLanguage = update.preferredLanguage;
    if (update.interests) values.interests = distinctEntries(update.interests, 'interests');
    if (update.tags) values.tags = distinctEntries(update.tags, 'tags');
    return values;
  }
}

/** The member with the named fields set to their new values; a named field without a value is cleared. */
function withValues(member: Member, values: ProfileValues, named: readonly ProfileField[]): Member {
  const next: Record<string, unknown> = { ...member };
  for (const field of named) {
    if (values[field] === undefined) delete next[field];
    else next[field] = values[field];
  }
  return next as unknown as Member;
}

/** Trimmed entries, first spelling kept, no repeats (compared without regard to case). */
function distinctEntries(entries: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) throw new BlankEntryError(field);
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(entry);
  }
  return result;
}
