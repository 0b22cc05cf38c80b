import { Schema } from 'mongoose';
import { outboxField, outboxPendingField, type OutboxEntry } from '@atrium/messaging';
import type { AuditEntry } from '../audit/audit-entry.entity';
import type { TierChange, TierReview } from '../tiers/tier.entity';
import { CARD_STATES, RECORDED_CONSENT_CHANNELS, type Birthday, type ConsentRecord, type Gender, type Language, type MemberCard, type MemberStatus, type NotificationPreferences, type RegistrationChannel } from './member.entity';

/** The stored member; private to MembersRepository. */
export interface MemberDocument {
  _id: string;
  /** Absent on records stored before merges and erasure existed: active. */
  status?: MemberStatus;
  closedAt?: Date;
  mergedInto?: string;
  mergedFrom?: string[];
  /** E.164; for an erased member a placeholder that is nobody's number (the unique index holds). */
  phone: string;
  name: string;
  /** nameSearchKey(name): what the desk's name look-up matches a prefix of. */
  nameKey: string;
  /** The key's leading prefixes (namePrefixesOf), so a prefix search is an indexed equality. */
  namePrefixes: string[];
  /** The current card. */
  cardNumber: string;
  /** Every card number the member ever had (current included), for the look-up by card. */
  cardNumbers: string[];
  cards: MemberCard[];
  channel: RegistrationChannel;
  sourceRef?: string;
  /** Channel corporate: the company whose programme code is sourceRef. */
  sourceCompanyId?: string;
  registeredAt: Date;
  gender?: Gender;
  birthday?: Birthday;
  district?: string;
  preferredLanguage?: Language;
  interests: string[];
  tags: string[];
  /** The latest consent record (what look-ups show); the whole story is in consentHistory. */
  consent?: ConsentRecord;
  consentHistory: ConsentRecord[];
  tier?: string;
  /** The optional transactional SMS the member chose; absent: none. */
  notifications?: NotificationPreferences;
  /** Every tier change, oldest first. */
  tierHistory: TierChange[];
  /** Yearly reviews of this member, one per year at most. */
  tierReviews: TierReview[];
  /** Every staff change, oldest first; masked values only. */
  audit: AuditEntry[];
  outbox: OutboxEntry[];
  /** Set while the outbox holds entries (the relay searches by it; see outboxPendingField). */
  outboxPending?: boolean;
}

export const MEMBER_MODEL = 'Member';

const cardSchema = new Schema<MemberCard>(
  {
    number: { type: String, required: true },
    state: { type: String, required: true, enum: [...CARD_STATES] },
    issuedAt: { type: Date, required: true },
    stateChangedAt: { type: Date },
    stateReason: { type: String },
    replacedBy: { type: String },
  },
  { _id: false },
);

const consentSchema = new Schema<ConsentRecord>(
  {
    granted: { type: Boolean, required: true },
    channel: { type: String, required: true, enum: [...RECORDED_CONSENT_CHANNELS] },
    wordingVersion: { type: String },
    at: { type: Date, required: true },
    recordedBy: { type: String },
    messageSid: { type: String },
    keyword: { type: String },
    fromMemberId: { type: String },
  },
  { _id: false },
);

const auditSchema = new Schema<AuditEntry>(
  {
    id: { type: String, required: true },
    at: { type: Date, required: true },
    staffId: { type: String, required: true },
    staffRoles: { type: [String], default: undefined },
    action: { type: String, required: true },
    changes: { type: [Schema.Types.Mixed], default: undefined },
    reason: { type: String },
  },
  { _id: false },
);

const tierChangeSchema = new Schema<TierChange>(
  {
    from: { type: String, required: true },
    to: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
    rollingSpendMinor: { type: Number },
    staffId: { type: String },
    note: { type: String },
    runId: { type: String },
    reviewYear: { type: Number },
  },
  { _id: false },
);

const tierReviewSchema = new Schema<TierReview>(
  {
    year: { type: Number, required: true },
    runId: { type: String, required: true },
    at: { type: Date, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    rollingSpendMinor: { type: Number, required: true },
  },
  { _id: false },
);

export const memberSchema = new Schema<MemberDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String },
    closedAt: { type: Date },
    mergedInto: { type: String },
    mergedFrom: { type: [String], default: undefined },
    phone: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    namePrefixes: { type: [String], default: [] },
    cardNumber: { type: String, required: true },
    cardNumbers: { type: [String], default: [] },
    cards: { type: [cardSchema], default: [] },
    channel: { type: String, required: true },
    sourceRef: { type: String },
    sourceCompanyId: { type: String },
    registeredAt: { type: Date, required: true },
    gender: { type: String },
    birthday: { type: new Schema<Birthday>({ month: Number, day: Number, year: Number }, { _id: false }) },
    district: { type: String },
    preferredLanguage: { type: String },
    interests: { type: [String], default: [] },
    tags: { type: [String], default: [] },
    consent: { type: consentSchema },
    consentHistory: { type: [consentSchema], default: [] },
    tier: { type: String },
    notifications: { type: new Schema<NotificationPreferences>({ pointsEarned: { type: Boolean, required: true }, changedAt: { type: Date, required: true } }, { _id: false }) },
    tierHistory: { type: [tierChangeSchema], default: [] },
    tierReviews: { type: [tierReviewSchema], default: [] },
    audit: { type: [auditSchema], default: [] },
    outbox: outboxField,
    outboxPending: outboxPendingField,
  },
  { collection: 'members', versionKey: false },
);

// One member per phone number, enforced by the database so two desks cannot race past it.
memberSchema.index({ phone: 1 }, { unique: true });
// The outbox relay finds members with events to publish by their marker.
memberSchema.index({ outboxPending: 1 });
// The current card is unique; every card a member had finds them (lost and replaced ones too).
memberSchema.index({ cardNumber: 1 }, { unique: true });
memberSchema.index({ cardNumbers: 1 });
// The desk's name look-up: a prefix of the key as an equality on the stored prefixes.
memberSchema.index({ namePrefixes: 1 });
