import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type CardIssued, type MemberRegistered } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { AccountsService } from './accounts.service';

/** Every new member gets a points account, opened from the member service's events, with their cards. */
@Controller()
export class AccountsConsumer {
  constructor(private readonly accounts: AccountsService) {}

  @ConsumeEvent(TOPICS.memberEvents, 'member.registered')
  async onMemberRegistered(@Payload() event: ConsumedEvent<MemberRegistered>): Promise<void> {
    await this.accounts.openAccount(event.payload.memberId, event.payload.phone, event.traceId);
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.card-issued')
  async onCardIssued(@Payload() event: ConsumedEvent<CardIssued>): Promise<void> {
    await this.accounts.recordCard(event.payload.memberId, event.payload.cardNumber);
  }
}
