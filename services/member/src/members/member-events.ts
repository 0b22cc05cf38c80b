import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  CardIssuedSchema,
  CardReplacedSchema,
  CardState as CardStateContract,
  CardStateChangedSchema,
  ConsentChannel as ConsentChannelContract,
  MemberConsentChangedSchema,
  MemberProfileUpdatedSchema,
  MemberRegisteredSchema,
  PreferredLanguage,
  RegistrationChannel as RegistrationChannelContract,
  TOPICS,
} from '@atrium/contracts';
import { OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import type { CardState, ConsentChannel, ConsentRecord, Language, Member, MemberCard, RegistrationChannel } from './member.entity';

/**
 * The member service's events, made as outbox entries to be written with the change they
 * announce. Every event is keyed by the member id, so one member's events stay in order.
 */
@Injectable()
export class MemberEvents {
  constructor(private readonly outbox: OutboxEntryFactory) {}

  registered(member: Member): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.registered',
      schema: MemberRegisteredSchema,
      key: member.id,
      occurredAt: member.registeredAt,
      payload: {
        memberId: member.id,
        phone: member.phone,
        name: member.name,
        channel: registrationChannelOf(member.channel),
        sourceRef: member.sourceRef ?? '',
        registeredAt: timestampFromDate(member.registeredAt),
        preferredLanguage: languageOf(member.preferredLanguage),
      },
    });
  }

  cardIssued(member: Member, card: MemberCard): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.card-issued',
      schema: CardIssuedSchema,
      key: member.id,
      occurredAt: card.issuedAt,
      payload: { memberId: member.id, cardNumber: card.number, issuedAt: timestampFromDate(card.issuedAt) },
    });
  }

  /** The changed fields and the member's current projected values (consumers overwrite with them). */
  profileUpdated(member: Member, changedFields: readonly string[], at: Date): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.profile-updated',
      schema: MemberProfileUpdatedSchema,
      key: member.id,
      occurredAt: at,
      payload: {
        memberId: member.id,
        changedFields: [...changedFields],
        phone: member.phone,
        name: member.name,
        preferredLanguage: languageOf(member.preferredLanguage),
        birthdayMonth: member.birthday?.month ?? 0,
        birthdayDay: member.birthday?.day ?? 0,
        district: member.district ?? '',
        tags: [...member.tags],
        interests: [...member.interests],
        updatedAt: timestampFromDate(at),
      },
    });
  }

  consentChanged(member: Member, record: ConsentRecord): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.consent-changed',
      schema: MemberConsentChangedSchema,
      key: member.id,
      occurredAt: record.at,
      payload: {
        memberId: member.id,
        granted: record.granted,
        channel: consentChannelOf(record.channel),
        wordingVersion: record.wordingVersion ?? '',
        changedAt: timestampFromDate(record.at),
        phone: member.phone,
      },
    });
  }

  cardReplaced(member: Member, retired: MemberCard, issued: MemberCard, reason: string | undefined): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.card-replaced',
      schema: CardReplacedSchema,
      key: member.id,
      occurredAt: issued.issuedAt,
      payload: {
        memberId: member.id,
        oldCardNumber: retired.number,
        newCardNumber: issued.number,
        oldCardState: cardStateOf(retired.state),
        reason: reason ?? '',
        replacedAt: timestampFromDate(issued.issuedAt),
      },
    });
  }

  cardStateChanged(member: Member, card: MemberCard, previousState: CardState, at: Date): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.card-state-changed',
      schema: CardStateChangedSchema,
      key: member.id,
      occurredAt: at,
      payload: {
        memberId: member.id,
        cardNumber: card.number,
        previousState: cardStateOf(previousState),
        state: cardStateOf(card.state),
        reason: card.stateReason ?? '',
        changedAt: timestampFromDate(at),
      },
    });
  }
}

function registrationChannelOf(channel: RegistrationChannel): RegistrationChannelContract {
  switch (channel) {
    case 'desk':
      return RegistrationChannelContract.DESK;
    case 'self-service':
      return RegistrationChannelContract.SELF_SERVICE;
    case 'activity':
      return RegistrationChannelContract.ACTIVITY;
    case 'corporate':
      return RegistrationChannelContract.CORPORATE;
    case 'import':
      return RegistrationChannelContract.IMPORT;
  }
}

function languageOf(language: Language | undefined): PreferredLanguage {
  switch (language) {
    case undefined:
      return PreferredLanguage.UNSPECIFIED;
    case 'zh-Hans':
      return PreferredLanguage.ZH_HANS;
    case 'zh-Hant':
      return PreferredLanguage.ZH_HANT;
    case 'en':
      return PreferredLanguage.EN;
  }
}

function consentChannelOf(channel: ConsentChannel): ConsentChannelContract {
  switch (channel) {
    case 'desk':
      return ConsentChannelContract.DESK;
    case 'phone':
      return ConsentChannelContract.PHONE;
    case 'self-service':
      return ConsentChannelContract.SELF_SERVICE;
    case 'sms-reply':
      return ConsentChannelContract.SMS_REPLY;
    case 'import':
      return ConsentChannelContract.IMPORT;
    case 'paper-form':
      return ConsentChannelContract.PAPER_FORM;
  }
}

function cardStateOf(state: CardState): CardStateContract {
  switch (state) {
    case 'active':
      return CardStateContract.ACTIVE;
    case 'frozen':
      return CardStateContract.FROZEN;
    case 'lost':
      return CardStateContract.LOST;
    case 'replaced':
      return CardStateContract.REPLACED;
  }
}
