import { Injectable } from '@nestjs/common';
import { auditEntryOf } from '../audit/audit-entries';
import { auditChange } from '../audit/audit-masking';
import type { Member, MemberCard } from '../members/member.entity';
import { MemberNotActiveError, MemberNotFoundError } from '../members/member.errors';
import { MemberEvents } from '../members/member-events';
import { MembersRepository, type MemberChange } from '../members/members.repository';
import type { StaffActor } from '@atrium/staff-identity';
import { rankOf } from '../tiers/tier-rules';
import { TierSettings } from '../tiers/tier-settings';
import { TiersService } from '../tiers/tiers.service';
import { MergeWithItselfError } from './merge.errors';
import { consentTakenOver } from './merged-consent';

/** Both records after a merge. */
export interface MergeOutcome {
  readonly survivor: Member;
  readonly merged: Member;
}

/**
 * Merges two records of one person (a shopper registered twice). The duplicate is closed: its
 * cards are closed (they earn nothing; typed at the desk they find the survivor), its phone
 * finds the survivor, its histories (audit, consent, tiers, cards) stay on its record (the
 * survivor's views read them across `mergedFrom`). The survivor keeps its own profile and card,
 * takes the duplicate's consent decision when it is the newer (consentTakenOver), takes the
 * higher of the two tiers, and counts the duplicate's qualifying spend as its own. `member.merged` tells points and the
 * SMS service to move what they keep for the duplicate.
 *
 * Two documents, no transaction: the duplicate is closed first (with the event), then the
 * survivor takes it in. Asking again finishes a merge that stopped in between and changes
 * nothing after one that finished, so the call is idempotent.
 */
@Injectable()
export class MergeService {
  constructor(
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
    private readonly tiers: TiersService,
    private readonly settings: TierSettings,
  ) {}

  async merge(survivorId: string, duplicateId: string, reason: string, actor: StaffActor): Promise<MergeOutcome> {
    if (survivorId === duplicateId) throw new MergeWithItselfError();
    const [survivor, duplicate] = await Promise.all([this.members.findById(survivorId), this.members.findById(duplicateId)]);
    if (!survivor) throw new MemberNotFoundError(survivorId);
    if (!duplicate) throw new MemberNotFoundError(duplicateId);
    if (survivor.status !== 'active') throw new MemberNotActiveError(survivor.id, survivor.status, survivor.mergedInto);
    const at = new Date();
    const closed = await this.members.change(duplicateId, ({ member }) => this.closeDuplicate(member, survivorId, reason, actor, at), { evenIfClosed: true });
    const merged = await this.members.change(survivorId, ({ member }) => this.takeIn(member, closed, reason, actor, at));
    await this.tiers.upgradeIfReached(survivorId);
    return { survivor: (await this.members.findById(survivorId)) ?? merged, merged: closed };
  }

  private closeDuplicate(duplicate: Member, survivorId: string, reason: string, actor: StaffActor, at: Date): MemberChange | undefined {
    if (duplicate.status === 'merged' && duplicate.mergedInto === survivorId) return undefined;
    if (duplicate.status !== 'active') throw new MemberNotActiveError(duplicate.id, duplicate.status, duplicate.mergedInto);
    const cards: MemberCard[] = duplicate.cards.map((card) => ({ ...card, state: 'closed', stateChangedAt: at, stateReason: `merged into ${survivorId}` }));
    const next: Member = { ...duplicate, status: 'merged', mergedInto: survivorId, closedAt: at, cards };
    const audit = auditEntryOf(actor, 'member.merged-into', [auditChange('status', duplicate.status, 'merged'), auditChange('mergedInto', undefined, survivorId)], at, reason);
    return { member: next, audit, events: [this.events.merged(survivorId, next, cards, reason, at)] };
  }

  private takeIn(survivor: Member, duplicate: Member, reason: string, actor: StaffActor, at: Date): MemberChange | undefined {
    const absorbed = [duplicate.id, ...duplicate.mergedFrom].filter((id) => !survivor.mergedFrom.includes(id));
    if (absorbed.length === 0) return undefined;
    const consent = consentTakenOver(survivor.consent, duplicate.consent, duplicate.id);
    const withDuplicate: Member = { ...survivor, mergedFrom: [...survivor.mergedFrom, ...absorbed], ...(consent ? { consent } : {}) };
    const changes = [auditChange('mergedFrom', survivor.mergedFrom, withDuplicate.mergedFrom)];
    if (consent) changes.push(auditChange('consent.granted', survivor.consent?.granted, consent.granted), auditChange('consent.fromMemberId', undefined, consent.fromMemberId));
    const audit = auditEntryOf(actor, 'member.merged', changes, at, reason);
    const consentTaken = consent ? { consentRecord: consent, events: [this.events.consentChanged(withDuplicate, consent)] } : { events: [] };
    const tiers = this.settings.tiers;
    if (rankOf(tiers, duplicate.tier) <= rankOf(tiers, survivor.tier)) return { member: withDuplicate, audit, ...consentTaken };
    const change = this.tiers.tierChange(withDuplicate, this.tiers.higher(survivor.tier, duplicate.tier), { reason: 'merge', at, staffId: actor.staffId, note: reason });
    return { ...change, audit, ...(consent ? { consentRecord: consent } : {}), events: [...change.events, ...consentTaken.events] };
  }
}
