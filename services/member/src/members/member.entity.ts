/** How a member was recruited (the member's source). */
export type RegistrationChannel = 'desk' | 'self-service' | 'activity' | 'corporate' | 'import';

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/** The languages the centre writes to members in (BCP 47 script subtags for Chinese). */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A birthday: month and day always, the year only when the member gave it. */
export interface Birthday {
  readonly month: number;
  readonly day: number;
  readonly year?: number;
}

/**
 * The life of a card. `active` earns; `frozen` earns nothing until unfrozen; `lost` and
 * `replaced` earn nothing ever again but still find the member at the desk; `closed` is every
 * card of a record merged into another or erased: it earns nothing and nothing changes it again.
 */
export const CARD_STATES = ['active', 'frozen', 'lost', 'replaced', 'closed'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** One card a member has had. The member's current card is the one `Member.cardNumber` names. */
export interface MemberCard {
  readonly number: string;
  readonly state: CardState;
  readonly issuedAt: Date;
  /** When the card last changed state, and why (as staff wrote it). */
  readonly stateChangedAt?: Date;
  readonly stateReason?: string;
  /** The card that replaced this one. */
  readonly replacedBy?: string;
}

/** Through what a member gave or withdrew marketing consent (what staff may record). */
export const CONSENT_CHANNELS = ['desk', 'phone', 'self-service', 'sms-reply', 'import', 'paper-form'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** A consent record's channel: one of the above, or `erasure` (withdrawn when the member was erased). */
export const RECORDED_CONSENT_CHANNELS = [...CONSENT_CHANNELS, 'erasure'] as const;
export type RecordedConsentChannel = (typeof RECORDED_CONSENT_CHANNELS)[number];

/** One step of a member's marketing consent: given or withdrawn, when, how, under which wording. */
export interface ConsentRecord {
  readonly granted: boolean;
  readonly channel: RecordedConsentChannel;
  /** Version of the consent wording the member agreed to (absent for withdrawals by SMS). */
  readonly wordingVersion?: string;
  readonly at: Date;
  /** The staff member who recorded it; absent when it came from the SMS service. */
  readonly recordedBy?: string;
  /** The inbound SMS id (provider's MessageSid) for changes by SMS reply: applied once. */
  readonly messageSid?: string;
  /** The keyword the shopper replied with (STOP, 退訂…). */
  readonly keyword?: string;
  /** The record the decision was made on, when a merge brought it here from a duplicate. */
  readonly fromMemberId?: string;
}

/**
 * The optional transactional SMS a member chose (those every member gets, such as a
 * redemption's confirmation, are not listed). Absent on a member who never chose: every
 * preference off. Registration sets none; staff (POST /members/:id/notifications) or the
 * shopper (the gateway's /api/shopper/me/notifications) do.
 */
export interface NotificationPreferences {
  /** An SMS each time a purchase earns the member points ("you earned N points, balance B"). */
  readonly pointsEarned: boolean;
  /** When the member last changed them (UTC). */
  readonly changedAt: Date;
}

/**
 * Whether the record is a member's: `merged` is a duplicate closed into another member
 * (`mergedInto`); `erased` is the tombstone of a person who asked to be forgotten.
 */
export const MEMBER_STATUSES = ['active', 'merged', 'erased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A member as the rest of the service sees it: a plain object, never a mongoose document. */
export interface Member {
  readonly id: string;
  readonly status: MemberStatus;
  /** When the record was merged or erased. */
  readonly closedAt?: Date;
  /** For a merged record: the member it was merged into. */
  readonly mergedInto?: string;
  /** Records merged into this member, and those merged into them (their spend counts here). */
  readonly mergedFrom: readonly string[];
  /** E.164, unique across members. */
  readonly phone: string;
  readonly name: string;
  /** The member's current card (16 digits, Luhn-checked); unique across members. */
  readonly cardNumber: string;
  readonly channel: RegistrationChannel;
  /** The activity id or corporate code the member came through, when there is one. */
  readonly sourceRef?: string;
  /** For channel corporate: the company (outreach's id) whose programme code is the sourceRef. */
  readonly sourceCompanyId?: string;
  readonly registeredAt: Date;
  readonly gender?: Gender;
  readonly birthday?: Birthday;
  /** District of residence as the member gives it (e.g. 天河區). */
  readonly district?: string;
  readonly preferredLanguage?: Language;
  readonly interests: readonly string[];
  /** Staff labels that segments select on. */
  readonly tags: readonly string[];
  /** Every card the member has had, oldest first; the current one among them. */
  readonly cards: readonly MemberCard[];
  /** The latest consent record; absent when the member was never asked. */
  readonly consent?: ConsentRecord;
  /** Tier code (set by the tier rules; absent until a tier is assigned: the lowest tier). */
  readonly tier?: string;
  /** The optional transactional SMS the member chose; absent: none. */
  readonly notifications?: NotificationPreferences;
}

/** The profile fields staff may change, by their API names. */
export const PROFILE_FIELDS = ['name', 'phone', 'gender', 'birthday', 'district', 'preferredLanguage', 'interests', 'tags'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
