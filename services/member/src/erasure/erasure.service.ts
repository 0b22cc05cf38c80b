import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { auditEntryOf } from '../audit/audit-entries';
import type { Member } from '../members/member.entity';
import { MemberNotFoundError } from '../members/member.errors';
import { MemberEvents } from '../members/member-events';
import { MembersRepository } from '../members/members.repository';
import type { StaffActor } from '@atrium/staff-identity';
import { QualifyingSpendRepository } from '../tiers/qualifying-spend.repository';
import { ErasureNotAllowedError } from './erasure.errors';
import { ERASING_ROLES, erasedAuditEntry, erasedMember } from './erasure-rules';

/**
 * Erasure on request (the right to be forgotten): the member's record becomes a tombstone
 * (erasure-rules), their qualifying spend is forgotten, and `member.erased` tells every other
 * service to forget them too. Records merged into the member are the same person: they are
 * erased with it. Asking again changes nothing. The phone is free afterwards: a registration
 * with it is a new member.
 */
@Injectable()
export class ErasureService {
  private readonly log: Logger;

  constructor(
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
    private readonly spend: QualifyingSpendRepository,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'erasure' });
  }

  async erase(memberId: string, reason: string, actor: StaffActor): Promise<Member> {
    if (!actor.roles.some((role) => ERASING_ROLES.includes(role))) throw new ErasureNotAllowedError();
    const member = await this.members.findById(memberId);
    if (!member) throw new MemberNotFoundError(memberId);
    const at = new Date();
    const everyRecord = [member.id, ...member.mergedFrom];
    for (const id of everyRecord) await this.eraseOne(id, reason, actor, at);
    await this.spend.forget(everyRecord);
    this.log.info({ memberId, records: everyRecord.length, staffId: actor.staffId }, 'member erased');
    return (await this.members.findById(memberId))!;
  }

  private async eraseOne(id: string, reason: string, actor: StaffActor, at: Date): Promise<void> {
    await this.members.change(
      id,
      ({ member, audit }) => {
        if (member.status === 'erased') return undefined;
        const { member: tombstone, consentRecord } = erasedMember(member, at, actor.staffId);
        return {
          member: tombstone,
          ...(consentRecord ? { consentRecord } : {}),
          replaceAudit: (audit ?? []).map(erasedAuditEntry),
          audit: auditEntryOf(actor, 'member.erased', [], at, reason),
          events: [this.events.erased(tombstone, at)],
        };
      },
      { evenIfClosed: true, withAudit: true },
    );
  }
}
