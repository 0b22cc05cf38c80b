// Plays the member and points services in tests: real protobuf envelopes (EventCodec) on the real
// Kafka topics, keyed by member id.
import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import {
  CardIssuedSchema,
  CardState,
  CardStateChangedSchema,
  ConsentChannel,
  MemberConsentChangedSchema,
  MemberProfileUpdatedSchema,
  MemberRegisteredSchema,
  MemberTierChangedSchema,
  PointsEarnedSchema,
  PointsExpiredSchema,
  PointsRedeemedSchema,
  PointsRefundedSchema,
  PreferredLanguage,
  RedemptionCancelledSchema,
  RedemptionCancelReason,
  RedemptionChannel,
  RegistrationChannel,
  RewardKind,
  TierChangeReason,
  TOPICS,
} from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv } from '@atrium/testing';

export interface Message {
  readonly key: string;
  readonly value: string;
}

/** The event ids of messages (an envelope's eventId), to see when the service has processed them. */
export function eventIdsOf(messages: readonly Message[]): string[] {
  return messages.map((message) => (JSON.parse(message.value) as { eventId: string }).eventId);
}

/** Plays the member and points services: real envelopes on the real topics, keyed by member id. */
export class EventFeed {
  private readonly codec = new EventCodec([TOPICS.memberEvents, TOPICS.pointsEvents]);
  private producer?: Producer;

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: 'sms-test-event-feed', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }

  async member(messages: readonly Message[]): Promise<void> {
    await this.producer!.send({ topic: TOPICS.memberEvents.name, acks: -1, messages: [...messages] });
  }

  async points(messages: readonly Message[]): Promise<void> {
    await this.producer!.send({ topic: TOPICS.pointsEvents.name, acks: -1, messages: [...messages] });
  }

  private meta(memberId: string, eventId = randomUUID()) {
    return { eventId, key: memberId, occurredAt: new Date(), producer: 'test', traceId: eventId };
  }

  registered(memberId: string, phone: string, options: { channel?: RegistrationChannel; sourceRef?: string; at?: Date } = {}): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.memberEvents,
        'member.registered',
        MemberRegisteredSchema,
        {
          memberId,
          phone,
          name: 'Test Shopper',
          channel: options.channel ?? RegistrationChannel.DESK,
          sourceRef: options.sourceRef ?? '',
          registeredAt: timestampFromDate(options.at ?? new Date()),
        },
        this.meta(memberId),
      ),
    };
  }

  cardIssued(memberId: string, cardNumber: string, at: Date): Message {
    return {
      key: memberId,
      value: this.codec.encode(TOPICS.memberEvents, 'member.card-issued', CardIssuedSchema, { memberId, cardNumber, issuedAt: timestampFromDate(at) }, this.meta(memberId)),
    };
  }

  cardFrozen(memberId: string, cardNumber: string, at: Date): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.memberEvents,
        'member.card-state-changed',
        CardStateChangedSchema,
        { memberId, cardNumber, previousState: CardState.ACTIVE, state: CardState.FROZEN, reason: 'suspected misuse', changedAt: timestampFromDate(at) },
        this.meta(memberId),
      ),
    };
  }

  profile(memberId: string, fields: { phone: string; name: string; language?: PreferredLanguage; birthday?: [number, number]; tags?: string[]; at: Date }): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.memberEvents,
        'member.profile-updated',
        MemberProfileUpdatedSchema,
        {
          memberId,
          changedFields: ['tags'],
          phone: fields.phone,
          name: fields.name,
          preferredLanguage: fields.language ?? PreferredLanguage.UNSPECIFIED,
          birthdayMonth: fields.birthday?.[0] ?? 0,
          birthdayDay: fields.birthday?.[1] ?? 0,
          district: '',
          tags: fields.tags ?? [],
          interests: [],
          updatedAt: timestampFromDate(fields.at),
        },
        this.meta(memberId),
      ),
    };
  }

  consent(memberId: string, phone: string, granted: boolean, at: Date): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.memberEvents,
        'member.consent-changed',
        MemberConsentChangedSchema,
        { memberId, granted, channel: ConsentChannel.DESK, wordingVersion: 'v1', changedAt: timestampFromDate(at), phone },
        this.meta(memberId),
      ),
    };
  }

  earned(memberId: string, amountMinor: number, purchasedAt: Date, eventId = randomUUID(), availableBalance?: number): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.pointsEvents,
        'points.earned',
        PointsEarnedSchema,
        {
          memberId,
          tenantId: 'starbucks-l1',
          receiptNumber: randomUUID(),
          amountMinor: BigInt(amountMinor),
          currency: 'CNY',
          points: 1n,
          purchasedAt: timestampFromDate(purchasedAt),
          ...(availableBalance === undefined ? {} : { availableBalance: BigInt(availableBalance), pendingBalance: 0n }),
        },
        this.meta(memberId, eventId),
      ),
    };
  }

  tierChanged(memberId: string, fromTier: string, toTier: string, at: Date): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.memberEvents,
        'member.tier-changed',
        MemberTierChangedSchema,
        { memberId, fromTier, toTier, reason: TierChangeReason.STAFF, changedAt: timestampFromDate(at) },
        this.meta(memberId),
      ),
    };
  }

  redeemed(memberId: string, points: number, availableBalance: number): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.pointsEvents,
        'points.redeemed',
        PointsRedeemedSchema,
        {
          redemptionId: randomUUID(),
          memberId,
          code: 'K7M2-QX4P',
          rewardId: randomUUID(),
          rewardName: 'Parking',
          rewardKind: RewardKind.PARKING,
          quantity: 1,
          parkingHours: 2,
          points: BigInt(points),
          channel: RedemptionChannel.DESK,
          redeemedAt: timestampFromDate(new Date()),
          availableBalance: BigInt(availableBalance),
          pendingBalance: 0n,
        },
        this.meta(memberId),
      ),
    };
  }

  redemptionCancelled(memberId: string, points: number, availableBalance: number): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.pointsEvents,
        'points.redemption-cancelled',
        RedemptionCancelledSchema,
        {
          redemptionId: randomUUID(),
          memberId,
          code: 'K7M2-QX4P',
          rewardId: randomUUID(),
          points: BigInt(points),
          reason: RedemptionCancelReason.STAFF,
          cancelledAt: timestampFromDate(new Date()),
          availableBalance: BigInt(availableBalance),
          pendingBalance: 0n,
        },
        this.meta(memberId),
      ),
    };
  }

  expired(memberId: string, points: number, availableBalance: number): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.pointsEvents,
        'points.expired',
        PointsExpiredSchema,
        {
          memberId,
          points: BigInt(points),
          expiryDate: '2026-11-30',
          expiredAt: timestampFromDate(new Date()),
          entryId: `expire:${memberId}:2026-11-30`,
          availableBalance: BigInt(availableBalance),
          pendingBalance: 0n,
        },
        this.meta(memberId),
      ),
    };
  }

  refunded(memberId: string, amountMinor: number, refundedAt: Date, availableBalance?: number): Message {
    return {
      key: memberId,
      value: this.codec.encode(
        TOPICS.pointsEvents,
        'points.refunded',
        PointsRefundedSchema,
        {
          memberId,
          tenantId: 'starbucks-l1',
          receiptNumber: randomUUID(),
          refundNumber: randomUUID(),
          amountMinor: BigInt(amountMinor),
          currency: 'CNY',
          points: 1n,
          refundedAt: timestampFromDate(refundedAt),
          ...(availableBalance === undefined ? {} : { availableBalance: BigInt(availableBalance), pendingBalance: 0n }),
        },
        this.meta(memberId),
      ),
    };
  }
}
