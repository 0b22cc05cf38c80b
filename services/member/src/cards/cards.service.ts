import { Injectable } from '@nestjs/common';
import { auditEntryOf } from '../audit/audit-entries';
import type { AuditAction } from '../audit/audit-entry.entity';
import { auditChange } from '../audit/audit-masking';
import type { Member, MemberCard } from '../members/member.entity';
import { CardNumberTakenError, MemberNotFoundError } from '../members/member.errors';
import { MemberEvents } from '../members/member-events';
import { MemberSettings } from '../members/member-settings';
import { MembersRepository } from '../members/members.repository';
import { acrossMergedRecords, type FromRecord } from '../merge/merged-histories';
import { MAX_CARD_DRAWS } from '../members/members.service';
import type { StaffActor } from '@atrium/staff-identity';
import { freeze, replace, reportLost, unfreeze, type CardChange } from './card-lifecycle';
import { cardNumberFor } from './card-number';
import { CardSequenceRepository } from './card-sequence.repository';

/** Card changes of the member's current card; each is one write with its audit entry and event. */
@Injectable()
export class CardsService {
  constructor(
    private readonly members: MembersRepository,
    private readonly events: MemberEvents,
    private readonly cardSequence: CardSequenceRepository,
    private readonly settings: MemberSettings,
  ) {}

  /**
   * The member and every card of the person, newest first: its own and those of the records
   * merged into it (marked `fromMemberId`), so the desk sees one person.
   */
  async cardsAcrossMerges(memberId: string): Promise<{ member: Member; cards: FromRecord<MemberCard>[] }> {
    const member = await this.members.findById(memberId);
    if (!member) throw new MemberNotFoundError(memberId);
    const merged = await this.members.findManyByIds(member.mergedFrom);
    const mergedIn = new Map(merged.map((record) => [record.id, record.cards]));
    return { member, cards: acrossMergedRecords(member.cards, mergedIn, (card) => card.issuedAt) };
  }

  reportLost(memberId: string, reason: string | undefined, actor: StaffActor): Promise<Member> {
    return this.changeState(memberId, 'card.reported-lost', actor, reason, (member, at) => reportLost(member.cards, member.cardNumber, at, reason));
  }

  freeze(memberId: string, reason: string, actor: StaffActor): Promise<Member> {
    return this.changeState(memberId, 'card.frozen', actor, reason, (member, at) => freeze(member.cards, member.cardNumber, at, reason));
  }

  unfreeze(memberId: string, reason: string, actor: StaffActor): Promise<Member> {
    return this.changeState(memberId, 'card.unfrozen', actor, reason, (member, at) => unfreeze(member.cards, member.cardNumber, at, reason));
  }

  /**
   * Issues a new card in place of the current one (lost, or active and damaged): a new number
   * from the sequence, announced as `member.card-issued` and `member.card-replaced`. A number
   * some member ever had is never handed out again; a draw that collides takes the next.
   */
  async replace(memberId: string, reason: string | undefined, actor: StaffActor): Promise<Member> {
    for (let attempt = 1; ; attempt++) {
      const newNumber = cardNumberFor(this.settings.cardPrefix, await this.cardSequence.next());
      try {
        if (await this.members.isCardNumberUsed(newNumber)) throw new CardNumberTakenError(newNumber);
        return await this.members.change(memberId, ({ member }) => {
          const at = new Date();
          const { cards, retired, issued } = replace(member.cards, member.cardNumber, newNumber, at, reason);
          const next: Member = { ...member, cardNumber: issued.number, cards };
          const audit = auditEntryOf(actor, 'card.replaced', [auditChange('cardNumber', retired.number, issued.number)], at, reason);
          return { member: next, audit, events: [this.events.cardIssued(next, issued), this.events.cardReplaced(next, retired, issued, reason)] };
        });
      } catch (error) {
        if (!(error instanceof CardNumberTakenError) || attempt >= MAX_CARD_DRAWS) throw error;
      }
    }
  }

  private changeState(memberId: string, action: AuditAction, actor: StaffActor, reason: string | undefined, decide: (member: Member, at: Date) => CardChange): Promise<Member> {
    return this.members.change(memberId, ({ member }) => {
      const at = new Date();
      const { cards, card, previousState } = decide(member, at);
      const next: Member = { ...member, cards };
      const audit = auditEntryOf(actor, action, [auditChange(`cards.${card.number}.state`, previousState, card.state)], at, reason);
      return { member: next, audit, events: [this.events.cardStateChanged(next, card, previousState, at)] };
    });
  }
}
