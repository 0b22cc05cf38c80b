import { localDateTime } from '../compliance/zoned-time';
import type { Birthday, CardState, MarketingConsent, MemberLanguage, MemberProfile, NotificationPreferences, RegistrationChannel } from './member-profile.entity';

/**
 * How the projection changes with each event, as pure functions: the repository reads a
 * member's stored state under its lock, asks here for the next state and writes it whole.
 *
 * Events reach the projection from two topics (member events, points events) with no order
 * between them, so points may arrive for a member whose registration has not: such a member is
 * kept, unregistered, with its spend only, and becomes a profile once `member.registered` is
 * applied. An erased member is a tombstone that no later event changes.
 */

/** What the projection stores per member: every MemberProfile field (absent when unknown) and its bookkeeping. */
export interface ProjectedMember {
  /** A member.registered was applied; until then the member is no profile (never selected, never sent to). */
  readonly registered: boolean;
  readonly erased: boolean;
  readonly erasedAt?: Date;
  readonly name?: string;
  readonly phone?: string;
  readonly language?: MemberLanguage;
  readonly tier?: string;
  /** When the tier last changed (member.tier-changed): an older change arriving late changes nothing. */
  readonly tierChangedAt?: Date;
  readonly birthday?: Birthday;
  readonly registeredAt?: Date;
  readonly registrationChannel?: RegistrationChannel;
  readonly companyCode?: string;
  readonly tags: readonly string[];
  readonly marketingConsent: MarketingConsent;
  readonly smsOptedOut: boolean;
  readonly smsOptedOutAt?: Date;
  readonly cardState: CardState;
  readonly pointsBalance: number;
  /** Where the points event that last set `pointsBalance` sits on its topic: an earlier one changes nothing. */
  readonly balanceSource?: TopicPosition;
  readonly lastPurchaseAt?: Date;
  readonly spendLast12MonthsMinor: number;
  readonly phoneInvalid: boolean;
  /** The optional transactional SMS the member asked for; absent when never asked. */
  readonly notifications?: NotificationPreferences;
  /** When the preferences were last changed: an older change arriving late changes nothing. */
  readonly notificationsChangedAt?: Date;
  /** The member's current card: card events about other (older) cards change nothing. */
  readonly cardNumber?: string;
  /** When the current card's state last changed: an older event arriving late changes nothing. */
  readonly cardChangedAt?: Date;
  /** When the profile (name, phone, language, birthday, tags) was last overwritten. */
  readonly profileChangedAt?: Date;
  /** When a START last lifted a STOP (a STOP received before it changes nothing). */
  readonly smsOptedInAt?: Date;
  /** Spend per month of the centre's calendar ("2025-06"), minor units: the last 12 months only. */
  readonly spendByMonth: Readonly<Record<string, number>>;
  /** The month `spendLast12MonthsMinor` was worked out in; the spend-window job renews older ones. */
  readonly spendMonth?: string;
  /** Short ids of the latest points events applied (newest last): a redelivered one adds nothing twice. */
  readonly recentPointsEvents: readonly string[];
}

/** A points event's place on its topic (keyed by member, so one member's events are in offset order on one partition). */
export interface TopicPosition {
  readonly partition: number;
  /** Kafka's offset, a decimal string (int64). */
  readonly offset: string;
}

/** Card states as the member service names them (its `replaced` is a card no longer current). */
export type MemberServiceCardState = 'active' | 'lost' | 'frozen' | 'replaced';

/** One member event, translated from its contract. */
export type MemberChange =
  | {
      readonly kind: 'registered';
      readonly phone: string;
      readonly name: string;
      readonly channel: RegistrationChannel;
      /** The activity id or corporate code; empty when none. */
      readonly sourceRef: string;
      readonly registeredAt: Date;
      /** The language chosen at registration; absent when none was (the default then). */
      readonly language?: MemberLanguage;
    }
  | { readonly kind: 'card-issued'; readonly cardNumber: string; readonly at: Date }
  | { readonly kind: 'card-replaced'; readonly newCardNumber: string; readonly at: Date }
  | { readonly kind: 'card-state-changed'; readonly cardNumber: string; readonly state: MemberServiceCardState; readonly at: Date }
  | {
      readonly kind: 'profile-updated';
      readonly phone: string;
      readonly name: string;
      /** Absent when the member never said: the configured default then. */
      readonly language?: MemberLanguage;
      /** Absent when no birthday is known; the year is never published. */
      readonly birthday?: Birthday;
      readonly tags: readonly string[];
      readonly at: Date;
    }
  /** The member service moved the member to another tier (a code of its MEMBER_TIERS). */
  | { readonly kind: 'tier-changed'; readonly tier: string; readonly at: Date }
  | { readonly kind: 'consent-changed'; readonly granted: boolean; readonly at: Date }
  /** The member chose which optional transactional SMS they want (every preference's new value). */
  | { readonly kind: 'notifications-changed'; readonly notifications: NotificationPreferences; readonly at: Date }
  | { readonly kind: 'erased'; readonly at: Date }
  /** The member replied STOP (or 退訂 ...) from their current number. */
  | { readonly kind: 'sms-opted-out'; readonly at: Date }
  /** The member replied START after a STOP. */
  | { readonly kind: 'sms-opted-in'; readonly at: Date }
  /**
   * The provider said the member's number cannot receive SMS; when `phone` (the number it was
   * said of) is given and the member's number has changed since, nothing changes.
   */
  | { readonly kind: 'phone-invalid'; readonly phone?: string };

/**
 * One points event: a sale's qualifying spend, a refund taking some back, or another change of
 * the balance (a redemption, its cancellation, an expiry: no spend, `amountMinor` 0).
 */
export interface PointsChange {
  readonly eventId: string;
  readonly kind: 'earned' | 'refunded' | 'balance-changed';
  readonly amountMinor: number;
  /** When the sale was made (earned), refunded, or the balance changed. */
  readonly at: Date;
  /** The spendable points right after the event, and where it sits on its topic; absent when the event carries none. */
  readonly balance?: { readonly available: number; readonly position: TopicPosition };
}

export interface ProjectionSettings {
  /** The language of members who named none (SMS_DEFAULT_LANGUAGE). */
  readonly defaultLanguage: MemberLanguage;
  /** The centre's zone: spend is bucketed by the month its calendar shows. */
  readonly timeZone: string;
  /** The tier of a member nobody assigned one yet (SMS_LOWEST_TIER: the first of the member service's MEMBER_TIERS). */
  readonly lowestTier: string;
}

/** How many points event ids a member keeps: more than one member's events in any batch that can be redelivered. */
export const RECENT_POINTS_EVENTS = 32;
/** Months of spend that "the last 12 months" adds up: this month and the 11 before. */
export const SPEND_WINDOW_MONTHS = 12;

function emptyMember(): ProjectedMember {
  return {
    registered: false,
    erased: false,
    tags: [],
    marketingConsent: { granted: false },
    smsOptedOut: false,
    cardState: 'active',
    pointsBalance: 0,
    spendLast12MonthsMinor: 0,
    phoneInvalid: false,
    spendByMonth: {},
    recentPointsEvents: [],
  };
}

/**
 * The member after `change`, or undefined when it changes nothing (a duplicate, an event older
 * than what is known, anything about an erased member).
 */
export function applyMemberChange(current: ProjectedMember | undefined, change: MemberChange, settings: ProjectionSettings): ProjectedMember | undefined {
  if (current?.erased) return undefined;
  const member = current ?? emptyMember();
  switch (change.kind) {
    case 'registered': {
      if (member.registered) return undefined;
      // A profile update can only precede its registration in a replay; its values are newer.
      const profileKnown = member.profileChangedAt !== undefined;
      const companyCode = change.channel === 'corporate' && change.sourceRef.trim() !== '' ? change.sourceRef.trim() : undefined;
      return compact({
        ...member,
        registered: true,
        name: profileKnown ? member.name : change.name,
        phone: profileKnown ? member.phone : change.phone,
        language: member.language ?? change.language ?? settings.defaultLanguage,
        // A tier-changed applied before its registration (a replay) is newer than "none yet".
        tier: member.tier ?? settings.lowestTier,
        registeredAt: change.registeredAt,
        registrationChannel: change.channel,
        companyCode,
      });
    }
    case 'card-issued':
    case 'card-replaced': {
      if (isOlder(change.at, member.cardChangedAt)) return undefined;
      const cardNumber = change.kind === 'card-issued' ? change.cardNumber : change.newCardNumber;
      if (member.cardNumber === cardNumber && member.cardState === 'active') return undefined;
      return { ...member, cardNumber, cardState: 'active', cardChangedAt: change.at };
    }
    case 'card-state-changed': {
      if (isOlder(change.at, member.cardChangedAt)) return undefined;
      if (member.cardNumber !== undefined && member.cardNumber !== change.cardNumber) return undefined;
      // A replaced card is no longer current: card-replaced says which card is.
      if (change.state === 'replaced') return undefined;
      return { ...member, cardNumber: change.cardNumber, cardState: change.state, cardChangedAt: change.at };
    }
    case 'profile-updated': {
      if (isOlder(change.at, member.profileChangedAt)) return undefined;
      const newNumber = member.phone !== undefined && member.phone !== change.phone;
      return compact({
        ...member,
        name: change.name,
        phone: change.phone,
        language: change.language ?? settings.defaultLanguage,
        birthday: change.birthday,
        tags: [...new Set(change.tags)],
        profileChangedAt: change.at,
        // STOP and an invalid number belong to the old number, not to the member.
        ...(newNumber ? { smsOptedOut: false, smsOptedOutAt: undefined, smsOptedInAt: undefined, phoneInvalid: false } : {}),
      });
    }
    case 'tier-changed': {
      if (isOlder(change.at, member.tierChangedAt)) return undefined;
      if (member.tier === change.tier && member.tierChangedAt?.getTime() === change.at.getTime()) return undefined;
      return { ...member, tier: change.tier, tierChangedAt: change.at };
    }
    case 'consent-changed': {
      if (isOlder(change.at, member.marketingConsent.at)) return undefined;
      return { ...member, marketingConsent: { granted: change.granted, at: change.at } };
    }
    case 'notifications-changed': {
      if (isOlder(change.at, member.notificationsChangedAt)) return undefined;
      if (member.notificationsChangedAt?.getTime() === change.at.getTime() && member.notifications?.pointsEarned === change.notifications.pointsEarned) return undefined;
      return { ...member, notifications: { ...change.notifications }, notificationsChangedAt: change.at };
    }
    case 'erased':
      // The tombstone keeps no preference either: nothing is ever sent to it.
      return { ...emptyMember(), registered: member.registered, erased: true, erasedAt: change.at, cardState: 'closed' };
    case 'sms-opted-out':
      if (isOlder(change.at, member.smsOptedInAt)) return undefined;
      // Already out: only a later STOP moves "when the last STOP was received".
      if (member.smsOptedOut && !isOlder(member.smsOptedOutAt ?? change.at, change.at)) return undefined;
      return { ...member, smsOptedOut: true, smsOptedOutAt: change.at };
    case 'sms-opted-in':
      if (!member.smsOptedOut || isOlder(change.at, member.smsOptedOutAt)) return undefined;
      return { ...member, smsOptedOut: false, smsOptedInAt: change.at };
    case 'phone-invalid':
      if (member.phoneInvalid || (change.phone !== undefined && member.phone !== change.phone)) return undefined;
      return { ...member, phoneInvalid: true };
  }
}

/**
 * The member after a run of points events, or undefined when none was new. Each event is
 * applied once (its id is remembered); the balance is the one the latest event on the topic
 * carries (an earlier event read again changes it no more); spend goes into the month of the sale (a refund: of the
 * refund) and the 12-month figure is worked out again at `now`. A refund never takes the figure
 * below zero.
 */
export function applyPointsChanges(current: ProjectedMember | undefined, changes: readonly PointsChange[], now: Date, timeZone: string): ProjectedMember | undefined {
  if (current?.erased) return undefined;
  const member = current ?? emptyMember();
  const recent = [...member.recentPointsEvents];
  const spendByMonth: Record<string, number> = { ...member.spendByMonth };
  let lastPurchaseAt = member.lastPurchaseAt;
  let pointsBalance = member.pointsBalance;
  let balanceSource = member.balanceSource;
  let applied = 0;
  for (const change of changes) {
    const id = shortEventId(change.eventId);
    if (recent.includes(id)) continue;
    recent.push(id);
    applied += 1;
    if (change.balance && isLaterPosition(change.balance.position, balanceSource)) {
      pointsBalance = change.balance.available;
      balanceSource = change.balance.position;
    }
    if (change.kind === 'balance-changed') continue;
    const month = monthOf(change.at, timeZone);
    const delta = change.kind === 'earned' ? change.amountMinor : -change.amountMinor;
    spendByMonth[month] = (spendByMonth[month] ?? 0) + delta;
    if (change.kind === 'earned' && (lastPurchaseAt === undefined || change.at.getTime() > lastPurchaseAt.getTime())) lastPurchaseAt = change.at;
  }
  if (applied === 0) return undefined;
  return rollSpendWindow(
    compact({ ...member, spendByMonth, lastPurchaseAt, pointsBalance, balanceSource, recentPointsEvents: recent.slice(-RECENT_POINTS_EVENTS) }),
    now,
    timeZone,
  );
}

/**
 * The member's spend of the last 12 months at `now`: the months before the window are dropped
 * and the rest added up (a sale dated in a later month counts too). Run again whenever a month
 * has passed since `spendMonth`.
 */
export function rollSpendWindow(member: ProjectedMember, now: Date, timeZone: string): ProjectedMember {
  const current = monthOf(now, timeZone);
  const first = monthsBefore(current, SPEND_WINDOW_MONTHS - 1);
  const spendByMonth = Object.fromEntries(Object.entries(member.spendByMonth).filter(([month, amount]) => month >= first && amount !== 0));
  const total = Object.values(spendByMonth).reduce((sum, amount) => sum + amount, 0);
  return { ...member, spendByMonth, spendMonth: current, spendLast12MonthsMinor: Math.max(0, total) };
}

/** The stored member as a MemberProfile: undefined until registered; an erased one with its personal fields blank. */
export function profileOf(memberId: string, member: ProjectedMember, settings: Pick<ProjectionSettings, 'defaultLanguage'>): MemberProfile | undefined {
  if (member.erased) {
    return {
      memberId,
      name: '',
      phone: '',
      language: settings.defaultLanguage,
      registeredAt: member.erasedAt ?? new Date(0),
      registrationChannel: 'desk',
      tags: [],
      marketingConsent: { granted: false },
      smsOptedOut: false,
      cardState: 'closed',
      erased: true,
      pointsBalance: 0,
      spendLast12MonthsMinor: 0,
      phoneInvalid: false,
    };
  }
  if (!member.registered || member.name === undefined || member.phone === undefined || member.registeredAt === undefined || member.registrationChannel === undefined) {
    return undefined;
  }
  return compact({
    memberId,
    name: member.name,
    phone: member.phone,
    language: member.language ?? settings.defaultLanguage,
    tier: member.tier,
    birthday: member.birthday,
    registeredAt: member.registeredAt,
    registrationChannel: member.registrationChannel,
    companyCode: member.companyCode,
    tags: [...member.tags],
    marketingConsent: compact({ ...member.marketingConsent }),
    smsOptedOut: member.smsOptedOut,
    smsOptedOutAt: member.smsOptedOutAt,
    cardState: member.cardState,
    erased: false,
    pointsBalance: member.pointsBalance,
    lastPurchaseAt: member.lastPurchaseAt,
    spendLast12MonthsMinor: member.spendLast12MonthsMinor,
    phoneInvalid: member.phoneInvalid,
    notifications: member.notifications ? { ...member.notifications } : undefined,
  });
}

/** "2025-06": the month `at` falls in on the centre's calendar. */
export function monthOf(at: Date, timeZone: string): string {
  const { year, month } = localDateTime(at, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

function monthsBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** An event id as remembered: 16 hex digits of a UUID are unique enough among one member's 32 latest. */
function shortEventId(eventId: string): string {
  const hex = eventId.replace(/-/g, '');
  return /^[0-9a-f]{32}$/i.test(hex) ? hex.slice(0, 16).toLowerCase() : eventId;
}

/** True when `position` comes after `known` on the topic; a position on another partition (the topic was repartitioned) counts as later. */
function isLaterPosition(position: TopicPosition, known: TopicPosition | undefined): boolean {
  if (known === undefined || known.partition !== position.partition) return true;
  return BigInt(position.offset) > BigInt(known.offset);
}

function isOlder(at: Date, known: Date | undefined): boolean {
  return known !== undefined && at.getTime() < known.getTime();
}

/** Fields set to undefined are left out: the stored document has them absent, never null. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
