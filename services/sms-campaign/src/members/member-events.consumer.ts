import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  TOPICS,
  type CardIssued,
  type CardReplaced,
  type CardStateChanged,
  type MemberConsentChanged,
  type MemberErased,
  type MemberProfileUpdated,
  type MemberRegistered,
  type MemberTierChanged,
  type NotificationPreferencesChanged,
} from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { cardIssuedChange, cardReplacedChange, cardStateChange, consentChange, erasedChange, notificationsChange, profileChange, registeredChange, tierChange } from './member-event-changes';
import { MemberProfilesRepository } from './member-profiles.repository';

/**
 * Keeps the projection from the member service's events. Each is applied under the member's
 * lock and only when newer than what the projection knows, so a redelivered or late event
 * changes nothing. An erasure leaves only a tombstone that no later event brings back. (Merge
 * events are not applied yet: see the README.)
 */
@Controller()
export class MemberEventsConsumer {
  constructor(private readonly profiles: MemberProfilesRepository) {}

  @ConsumeEvent(TOPICS.memberEvents, 'member.registered')
  async onRegistered(@Payload() event: ConsumedEvent<MemberRegistered>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, registeredChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.card-issued')
  async onCardIssued(@Payload() event: ConsumedEvent<CardIssued>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, cardIssuedChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.card-replaced')
  async onCardReplaced(@Payload() event: ConsumedEvent<CardReplaced>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, cardReplacedChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.card-state-changed')
  async onCardStateChanged(@Payload() event: ConsumedEvent<CardStateChanged>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, cardStateChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.profile-updated')
  async onProfileUpdated(@Payload() event: ConsumedEvent<MemberProfileUpdated>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, profileChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.consent-changed')
  async onConsentChanged(@Payload() event: ConsumedEvent<MemberConsentChanged>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, consentChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.notification-preferences-changed')
  async onNotificationPreferencesChanged(@Payload() event: ConsumedEvent<NotificationPreferencesChanged>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, notificationsChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.tier-changed')
  async onTierChanged(@Payload() event: ConsumedEvent<MemberTierChanged>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, tierChange(event.payload));
  }

  @ConsumeEvent(TOPICS.memberEvents, 'member.erased')
  async onErased(@Payload() event: ConsumedEvent<MemberErased>): Promise<void> {
    await this.profiles.applyMemberChange(event.payload.memberId, erasedChange(event.payload));
  }
}
