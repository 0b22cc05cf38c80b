import { Controller, type OnModuleInit } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type MemberRegistered, type PointsExpiringSoon, type PointsRedeemed, type VerificationCodeIssued } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { PointsEarnedFollowers } from '../members/points-earned-followers';
import { TransactionalMessagesService } from './transactional-messages.service';

/**
 * The member and points events that call for a transactional SMS. `points.earned` is consumed
 * by the member projection (one handler per event type), which hands each batch on here once it
 * has applied it (PointsEarnedFollowers).
 */
@Controller()
export class TransactionalConsumer implements OnModuleInit {
  constructor(
    private readonly messages: TransactionalMessagesService,
    private readonly earnedFollowers: PointsEarnedFollowers,
  ) {}

  onModuleInit(): void {
    this.earnedFollowers.add({ followEarned: (events, profiles) => this.messages.sendPointsEarned(events, profiles) });
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.verification-code-issued')
  async onVerificationCodeIssued(@Payload() event: ConsumedEvent<VerificationCodeIssued>): Promise<void> {
    await this.messages.sendVerificationCode(event.payload, event.occurredAt);
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.registered')
  async onMemberRegistered(@Payload() event: ConsumedEvent<MemberRegistered>): Promise<void> {
    await this.messages.sendWelcome(event.payload);
  }

  @ConsumeEvent(TOPICS.pointsEvents, 'points.redeemed')
  async onPointsRedeemed(@Payload() event: ConsumedEvent<PointsRedeemed>): Promise<void> {
    await this.messages.sendRedemptionConfirmation(event.payload);
  }

  @ConsumeEvent(TOPICS.pointsEvents, 'points.expiring-soon')
  async onPointsExpiringSoon(@Payload() event: ConsumedEvent<PointsExpiringSoon>): Promise<void> {
    await this.messages.sendExpiringSoon(event.payload);
  }
}
