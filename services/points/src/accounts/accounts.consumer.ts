import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import {
  CardState,
  TOPICS,
  type CardIssued,
  type CardReplaced,
  type CardStateChanged,
  type MemberErased,
  type MemberProfileUpdated,
  type MemberRegistered,
  type MemberTierChanged,
} from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { MemberEventInvalidError } from './account.errors';
import { AccountsService } from './accounts.service';
import type { MemberChange } from './member-facts';

/**
 * Every new member gets a points account, opened from the member service's events, with their
 * cards; later events keep what earning depends on current: which cards earn, the phone, the
 * tier, whether the member is frozen or erased (a merge: merges/merges.consumer.ts). Each event arrives here validated
 * against its contract (a message that breaks it is dead-lettered by the consumer runner); the
 * checks below are those the contract cannot express, and a failed one dead-letters the event
 * with its reason. Member event types not handled here (consent, opening points, verification
 * codes) are skipped by the runner.
 */
@Controller()
export class AccountsConsumer {
  constructor(private readonly accounts: AccountsService) {}

  @ConsumeEvent(TOPICS.memberEvents, 'member.registered')
  async onMemberRegistered(@Payload() event: ConsumedEvent<MemberRegistered>): Promise<void> {
    const { memberId, phone, registeredAt } = event.payload;
    // The contract requires registered_at: the runner dead-letters a registration without it.
    await this.accounts.openAccount(memberId, phone, timestampDate(registeredAt!), event.traceId);
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.card-issued')
  async onCardIssued(@Payload() event: ConsumedEvent<CardIssued>): Promise<void> {
    await this.accounts.recordCard(event.payload.memberId, event.payload.cardNumber);
  }

  /** The old card earns no more (a sale with it is refused as a retired card); the new one earns. */
  @ConsumeEvent(TOPICS.memberEvents, 'member.card-replaced')
  async onCardReplaced(@Payload() event: ConsumedEvent<CardReplaced>): Promise<void> {
    const { memberId, oldCardNumber, newCardNumber } = event.payload;
    if (oldCardNumber === newCardNumber) throw new MemberEventInvalidError(event.type, 'newCardNumber', 'is the old card number');
    await this.accounts.changeMember(memberId, event.type, { kind: 'card-replaced', oldCardNumber, newCardNumber });
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.card-state-changed')
  async onCardStateChanged(@Payload() event: ConsumedEvent<CardStateChanged>): Promise<void> {
    const { memberId, cardNumber, state } = event.payload;
    await this.accounts.changeMember(memberId, event.type, changeOfCardState(event.type, cardNumber, state));
  }

  /** The event carries the member's current phone whatever changed: sales by that phone earn. */
  @ConsumeEvent(TOPICS.memberEvents, 'member.profile-updated')
  async onProfileUpdated(@Payload() event: ConsumedEvent<MemberProfileUpdated>): Promise<void> {
    await this.accounts.changeMember(event.payload.memberId, event.type, { kind: 'phone-changed', phone: event.payload.phone });
  }

  /** The earning rules' tier multipliers and tier campaigns read the account's tier. */
  @ConsumeEvent(TOPICS.memberEvents, 'member.tier-changed')
  async onTierChanged(@Payload() event: ConsumedEvent<MemberTierChanged>): Promise<void> {
    await this.accounts.changeMember(event.payload.memberId, event.type, { kind: 'tier-changed', tier: event.payload.toTier });
  }

  /** Forgets the phone and cards; the balances and the ledger stay (finance needs them). */
  @ConsumeEvent(TOPICS.memberEvents, 'member.erased')
  async onErased(@Payload() event: ConsumedEvent<MemberErased>): Promise<void> {
    await this.accounts.changeMember(event.payload.memberId, event.type, { kind: 'erased', at: timestampDate(event.payload.erasedAt!) });
  }
}

/** FROZEN and ACTIVE (unfrozen) set the member's frozen flag; LOST (or REPLACED) retires the card. */
function changeOfCardState(eventType: string, cardNumber: string, state: CardState): MemberChange {
  switch (state) {
    case CardState.FROZEN:
      return { kind: 'frozen' };
    case CardState.ACTIVE:
      return { kind: 'unfrozen' };
    case CardState.LOST:
    case CardState.REPLACED:
      return { kind: 'card-retired', cardNumber };
    case CardState.UNSPECIFIED:
      throw new MemberEventInvalidError(eventType, 'state', 'must say what the card became');
  }
}
