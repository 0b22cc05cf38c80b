import type { DescMessage } from '@bufbuild/protobuf';
import {
  CardIssuedSchema,
  CardReplacedSchema,
  CardStateChangedSchema,
  MemberConsentChangedSchema,
  MemberErasedSchema,
  MemberMergedSchema,
  MemberProfileUpdatedSchema,
  MemberRegisteredSchema,
  MemberTierChangedSchema,
  NotificationPreferencesChangedSchema,
  OpeningPointsGrantedSchema,
} from './gen/atrium/member/v1/member_events_pb';
import { VerificationCodeIssuedSchema } from './gen/atrium/member/v1/verification_events_pb';
import { PointsAccountOpenedSchema, PointsEarnedSchema, PointsRefundedSchema } from './gen/atrium/points/v1/points_events_pb';
import { PurchaseRecordedSchema, PurchaseRefundedSchema } from './gen/atrium/points/v1/purchase_events_pb';
import { PointsRedeemedSchema, RedemptionCancelledSchema } from './gen/atrium/points/v1/redemption_events_pb';
import { PointsExpiredSchema, PointsExpiringSoonSchema } from './gen/atrium/points/v1/expiry_events_pb';
import { SettlementCompletedSchema } from './gen/atrium/points/v1/settlement_events_pb';
import { CarrierBlockChangedSchema, MarketingOptInReceivedSchema, MarketingOptOutReceivedSchema } from './gen/atrium/sms/v1/sms_events_pb';
import { CorporateProgrammeChangedSchema } from './gen/atrium/outreach/v1/corporate_programme_events_pb';
import { TenantChangedSchema, TenantClosedSchema, TenantRegisteredSchema } from './gen/atrium/merchant/v1/tenant_events_pb';

/** What the Kafka message key of a topic holds; it decides which events keep their order. */
export type TopicKey = 'memberId' | 'memberCardOrPhone' | 'phone' | 'tenantId' | 'campaignId' | 'companyId';

export interface EventTypeDefinition {
  /** The event type written into the envelope, e.g. "member.registered". */
  readonly type: string;
  /** The payload schema generated from proto/. */
  readonly schema: DescMessage;
  /** Current schema version of the payload; consumers reject versions they do not know. */
  readonly schemaVersion: number;
}

export interface TopicDefinition {
  readonly name: string;
  readonly key: TopicKey;
  /** Partitions created at start-up; more partitions let more consumers share the load. */
  readonly partitions: number;
  readonly eventTypes: readonly EventTypeDefinition[];
}

/**
 * Every topic in Atrium, its key and the event types it carries. Services create these at
 * start-up (with their `.dlq` companions) and the messaging lib refuses to publish an event
 * type on a topic that does not list it.
 */
export const TOPICS = {
  memberEvents: {
    name: 'atrium.member.events.v1',
    key: 'memberId',
    partitions: 6,
    eventTypes: [
      { type: 'member.registered', schema: MemberRegisteredSchema, schemaVersion: 1 },
      { type: 'member.card-issued', schema: CardIssuedSchema, schemaVersion: 1 },
      { type: 'member.profile-updated', schema: MemberProfileUpdatedSchema, schemaVersion: 1 },
      { type: 'member.consent-changed', schema: MemberConsentChangedSchema, schemaVersion: 1 },
      { type: 'member.card-replaced', schema: CardReplacedSchema, schemaVersion: 1 },
      { type: 'member.card-state-changed', schema: CardStateChangedSchema, schemaVersion: 1 },
      { type: 'member.tier-changed', schema: MemberTierChangedSchema, schemaVersion: 1 },
      // Keyed by the merged (closed) member's id: it follows that record's earlier events.
      { type: 'member.merged', schema: MemberMergedSchema, schemaVersion: 1 },
      { type: 'member.erased', schema: MemberErasedSchema, schemaVersion: 1 },
      { type: 'member.opening-points-granted', schema: OpeningPointsGrantedSchema, schemaVersion: 1 },
      { type: 'member.notification-preferences-changed', schema: NotificationPreferencesChangedSchema, schemaVersion: 1 },
      // Keyed by the phone, not a member id: a sign-up code goes to a phone that is nobody's yet.
      { type: 'member.verification-code-issued', schema: VerificationCodeIssuedSchema, schemaVersion: 1 },
    ],
  },
  pointsEvents: {
    name: 'atrium.points.events.v1',
    key: 'memberId',
    partitions: 6,
    eventTypes: [
      { type: 'points.account-opened', schema: PointsAccountOpenedSchema, schemaVersion: 1 },
      { type: 'points.earned', schema: PointsEarnedSchema, schemaVersion: 1 },
      { type: 'points.refunded', schema: PointsRefundedSchema, schemaVersion: 1 },
      { type: 'points.redeemed', schema: PointsRedeemedSchema, schemaVersion: 1 },
      // Also a reservation that expired uncollected (reason RESERVATION_EXPIRED).
      { type: 'points.redemption-cancelled', schema: RedemptionCancelledSchema, schemaVersion: 1 },
      // The daily settlement job: a reminder before points expire, and the expiry itself.
      { type: 'points.expiring-soon', schema: PointsExpiringSoonSchema, schemaVersion: 1 },
      { type: 'points.expired', schema: PointsExpiredSchema, schemaVersion: 1 },
      // Keyed by "settlement:<period>", not a member: a settlement run's totals.
      { type: 'points.settlement-completed', schema: SettlementCompletedSchema, schemaVersion: 1 },
    ],
  },
  /**
   * Tenants' sales and refunds from their point-of-sale systems: the integration point for
   * systems that are not Atrium's (README "Sending purchases"). Heavy: consumed in batches.
   */
  purchases: {
    name: 'purchases',
    key: 'memberCardOrPhone',
    partitions: 6,
    eventTypes: [
      { type: 'purchase.recorded', schema: PurchaseRecordedSchema, schemaVersion: 1 },
      { type: 'purchase.refunded', schema: PurchaseRefundedSchema, schemaVersion: 1 },
    ],
  },
  /**
   * What the SMS service hears from shoppers. Keyed by the shopper's phone in E.164: an
   * inbound reply may come from a number no member has, and one phone's STOP and START must
   * stay in order whether or not the SMS service knew the member.
   */
  smsEvents: {
    name: 'atrium.sms.events.v1',
    key: 'phone',
    partitions: 6,
    eventTypes: [
      { type: 'sms.marketing-opt-out-received', schema: MarketingOptOutReceivedSchema, schemaVersion: 1 },
      { type: 'sms.marketing-opt-in-received', schema: MarketingOptInReceivedSchema, schemaVersion: 1 },
      { type: 'sms.carrier-block-changed', schema: CarrierBlockChangedSchema, schemaVersion: 1 },
    ],
  },
  /**
   * The outreach service's corporate member programmes. Keyed by company id: one company's
   * programmes stay in order. Each event is the programme's whole current state with a revision
   * (the member service keeps the highest revision of each code to check codes at sign-up).
   */
  outreachEvents: {
    name: 'atrium.outreach.events.v1',
    key: 'companyId',
    partitions: 3,
    eventTypes: [{ type: 'outreach.corporate-programme-changed', schema: CorporateProgrammeChangedSchema, schemaVersion: 1 }],
  },
  /**
   * The tenant directory of the merchant-discount service. Keyed by tenant id: one tenant's
   * events stay in order. Each event is the tenant's whole current state with a revision (the
   * points service keeps the highest revision of each tenant to decide whether its sales earn).
   */
  merchantEvents: {
    name: 'atrium.merchant.events.v1',
    key: 'tenantId',
    partitions: 3,
    eventTypes: [
      { type: 'tenant.registered', schema: TenantRegisteredSchema, schemaVersion: 1 },
      { type: 'tenant.changed', schema: TenantChangedSchema, schemaVersion: 1 },
      { type: 'tenant.closed', schema: TenantClosedSchema, schemaVersion: 1 },
    ],
  },
} as const satisfies Record<string, TopicDefinition>;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS]['name'];

/** Suffix of the dead-letter topic that belongs to every topic. */
export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

export function allTopics(): readonly TopicDefinition[] {
  return Object.values(TOPICS);
}

export function findTopic(name: string): TopicDefinition | undefined {
  return allTopics().find((topic) => topic.name === name);
}

export function findEventType(topic: TopicDefinition, type: string): EventTypeDefinition | undefined {
  return topic.eventTypes.find((eventType) => eventType.type === type);
}
