/**
 * One member as the campaign service sees it: its **member projection**, kept from the member
 * and points services' events (this service never reads their databases). Segments select from
 * it, templates render with it and compliance decides with it.
 *
 * This is also the shape of a document in the projection's MongoDB collection: every field name
 * below is the query path the segment translator uses (`birthday.month`,
 * `marketingConsent.granted`, ...). A field that is unknown is **absent**, never `null`, so that
 * `$exists` and the in-memory evaluator agree; the writer unsets fields rather than nulling them.
 */

/** The languages a member may receive messages in (BCP 47 script subtags, not regions). */
export const MEMBER_LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type MemberLanguage = (typeof MEMBER_LANGUAGES)[number];

/**
 * The state of the member's current card. A replaced card's old number is closed, but the
 * projection keeps only the current card's state.
 */
export const CARD_STATES = ['active', 'lost', 'frozen', 'closed'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** How the member was recruited, as the member service names it (`RegistrationChannel`). */
export const REGISTRATION_CHANNELS = ['desk', 'self-service', 'activity', 'corporate', 'import'] as const;
export type RegistrationChannel = (typeof REGISTRATION_CHANNELS)[number];

/** A birthday as members give it: month and day always, the year only when they chose to. */
export interface Birthday {
  /** 1 (January) to 12. */
  readonly month: number;
  /** 1 to 31 (29 February is a valid birthday). */
  readonly day: number;
  /** Four-digit year, absent when the member did not give it. */
  readonly year?: number;
}

/** The member's answer to "may we send you offers?", as last recorded by the member service. */
export interface MarketingConsent {
  /** True when the member agreed to marketing messages and has not withdrawn since. */
  readonly granted: boolean;
  /** When the answer (grant or withdrawal) was recorded (UTC); absent when never asked. */
  readonly at?: Date;
}

/**
 * The optional transactional SMS the member asked for (member.notification-preferences-changed).
 * Absent when the member never chose: every one off.
 */
export interface NotificationPreferences {
  /** An SMS each time a purchase earns the member points. */
  readonly pointsEarned: boolean;
}

export interface MemberProfile {
  /** The member's id (UUID) from the member service; the projection's key. */
  readonly memberId: string;
  /** The member's name as given, for `{{name}}`. Personal data: never logged unmasked. */
  readonly name: string;
  /** Mobile number in E.164 (e.g. "+8613800138000"). Personal data: never logged unmasked. */
  readonly phone: string;
  /** The language the member reads messages in; picks the template version. */
  readonly language: MemberLanguage;
  /**
   * Tier code from the member service (e.g. "basic", "silver", "gold", "vip"); lower-case code,
   * not a label. The lowest tier (SMS_LOWEST_TIER) from registration until a
   * `member.tier-changed` says otherwise.
   */
  readonly tier?: string;
  /** Absent when the member gave no birthday. */
  readonly birthday?: Birthday;
  /** When the member registered (UTC). */
  readonly registeredAt: Date;
  /** How the member was recruited (the member's source). */
  readonly registrationChannel: RegistrationChannel;
  /**
   * The corporate programme code from outreach the member signed up with (the company);
   * absent for members who came through no programme.
   */
  readonly companyCode?: string;
  /** Free labels staff put on members (e.g. "vip-room", "staff"); empty when none. */
  readonly tags: readonly string[];
  /** Consent to marketing messages. Transactional messages do not need it. */
  readonly marketingConsent: MarketingConsent;
  /**
   * True once the member replied STOP (or 退訂 ...) and has not replied START since. Twilio
   * blocks every message to such a number, transactional ones included (error 21610).
   */
  readonly smsOptedOut: boolean;
  /** When the last STOP was received (UTC); absent when the member never opted out. */
  readonly smsOptedOutAt?: Date;
  /** The state of the member's current card. */
  readonly cardState: CardState;
  /**
   * True once the member asked to be erased. The projection keeps only this tombstone (personal
   * fields blanked) so that events arriving late cannot bring the member back; nothing is sent.
   */
  readonly erased: boolean;
  /** Points available to spend (integer): the balance the latest points event carried (0 before any). */
  readonly pointsBalance: number;
  /** The last purchase that earned points (UTC); absent when the member never bought anything. */
  readonly lastPurchaseAt?: Date;
  /** What the member spent in the last 12 months, integer minor units (fen) of the centre's currency. */
  readonly spendLast12MonthsMinor: number;
  /** True once Twilio said the number cannot receive SMS (e.g. error 21211, 21614); nothing is sent. */
  readonly phoneInvalid: boolean;
  /** The optional transactional SMS the member asked for; absent when never asked (none sent). */
  readonly notifications?: NotificationPreferences;
}
