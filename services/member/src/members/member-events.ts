import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  CardIssuedSchema,
  CardReplacedSchema,
  CardState as CardStateContract,
  CardStateChangedSchema,
  ConsentChannel as ConsentChannelContract,
  MemberConsentChangedSchema,
  MemberErasedSchema,
  MemberMergedSchema,
  MemberProfileUpdatedSchema,
  MemberRegisteredSchema,
  MemberTierChangedSchema,
  NotificationPreferencesChangedSchema,
  OpeningPointsGrantedSchema,
  PreferenceChangeSource,
  PreferredLanguage,
  RegistrationChannel as RegistrationChannelContract,
  TierChangeReason as TierChangeReasonContract,
  TOPICS,
} from '@atrium/contracts';
import { EventCodec, OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import type { TierChange, TierChangeReason } from '../tiers/tier.entity';
import type { CardState, ConsentRecord, Language, Member, MemberCard, NotificationPreferences, RecordedConsentChannel, RegistrationChannel } from './member.entity';

/** The envelope's producer, as the outbox factory writes it for every other event (the service's name). */
const PRODUCER = 'member';

/** An opening balance an imported member brings, announced once under a deterministic id. */
export interface OpeningPointsGrant {
  /** Derived from the member and the import: the same grant always has the same id. */
  readonly grantId: string;
  readonly importId: string;
  readonly points: number;
  readonly at: Date;
}

/**
 * The member service's events, made as outbox entries to be written with the change they
 * announce. Every event is keyed by the member id, so one member's events stay in order.
 */
@Injectable()
export class MemberEvents {
  constructor(
    private readonly outbox: OutboxEntryFactory,
    private readonly codec: EventCodec,
  ) {}

  registered(member: Member, sendWelcome: boolean): OutboxEntry {
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
        sourceCompanyId: member.sourceCompanyId ?? '',
        registeredAt: timestampFromDate(member.registeredAt),
        preferredLanguage: languageOf(member.preferredLanguage),
        sendWelcome,
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

  /** Every preference's value after the change, and who made it (staff, or the shopper themself). */
  notificationPreferencesChanged(member: Member, preferences: NotificationPreferences, by: 'staff' | 'self-service'): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.notification-preferences-changed',
      schema: NotificationPreferencesChangedSchema,
      key: member.id,
      occurredAt: preferences.changedAt,
      payload: {
        memberId: member.id,
        pointsEarned: preferences.pointsEarned,
        changedAt: timestampFromDate(preferences.changedAt),
        source: by === 'staff' ? PreferenceChangeSource.STAFF : PreferenceChangeSource.SELF_SERVICE,
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

  tierChanged(member: Member, change: TierChange): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.tier-changed',
      schema: MemberTierChangedSchema,
      key: member.id,
      occurredAt: change.at,
      payload: {
        memberId: member.id,
        fromTier: change.from,
        toTier: change.to,
        reason: tierChangeReasonOf(change.reason),
        changedAt: timestampFromDate(change.at),
        rollingSpendMinor: BigInt(change.rollingSpendMinor ?? 0),
        reviewRunId: change.reason === 'yearly-review' ? (change.runId ?? '') : '',
        reviewYear: change.reviewYear ?? 0,
      },
    });
  }

  /** Written with the duplicate's change and keyed by its id: it follows the duplicate's own events. */
  merged(survivorId: string, duplicate: Member, closedCards: readonly MemberCard[], reason: string, at: Date): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.merged',
      schema: MemberMergedSchema,
      key: duplicate.id,
      occurredAt: at,
      payload: {
        survivingMemberId: survivorId,
        mergedMemberId: duplicate.id,
        closedCardNumbers: closedCards.map((card) => card.number),
        reason,
        mergedAt: timestampFromDate(at),
      },
    });
  }

  erased(member: Member, at: Date): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.memberEvents,
      type: 'member.erased',
      schema: MemberErasedSchema,
      key: member.id,
      occurredAt: at,
      payload: { memberId: member.id, closedCardNumbers: member.cards.map((card) => card.number), erasedAt: timestampFromDate(at) },
    });
  }

  /**
   * The opening balance of an imported member. The envelope's event id is the grant id (not a
   * random one as for every other event): however the grant is made again, it is one event.
   */
  openingPointsGranted(member: Member, grant: OpeningPointsGrant): OutboxEntry {
    const topic = TOPICS.memberEvents;
    const type = 'member.opening-points-granted';
    const value = this.codec.encode(
      topic,
      type,
      OpeningPointsGrantedSchema,
      { grantId: grant.grantId, memberId: member.id, importId: grant.importId, points: BigInt(grant.points), grantedAt: timestampFromDate(grant.at) },
      { eventId: grant.grantId, key: member.id, occurredAt: grant.at, producer: PRODUCER, traceId: grant.importId },
    );
    return { eventId: grant.grantId, topic: topic.name, type, key: member.id, value, createdAt: new Date() };
  }
}

function tierChangeReasonOf(reason: TierChangeReason): TierChangeReasonContract {
  switch (reason) {
    case 'spend':
      return TierChangeReasonContract.SPEND;
    case 'yearly-review':
      return TierChangeReasonContract.YEARLY_REVIEW;
    case 'import':
      return TierChangeReasonContract.IMPORT;
    case 'staff':
      return TierChangeReasonContract.STAFF;
    case 'merge':
      return TierChangeReasonContract.MERGE;
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

function consentChannelOf(channel: RecordedConsentChannel): ConsentChannelContract {
  switch (channel) {
    case 'erasure':
      // member.erased says it: an erased member's consent is never announced on its own.
      throw new Error('consent withdrawn by an erasure is announced by member.erased');
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
    case 'closed':
      // Cards close only with their record: member.merged and member.erased name them.
      throw new Error('a closed card is announced by member.merged or member.erased');
  }
}
