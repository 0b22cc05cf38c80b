import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import {
  CardState,
  PreferredLanguage,
  RegistrationChannel,
  type CardIssued,
  type CardReplaced,
  type CardStateChanged,
  type MemberConsentChanged,
  type MemberErased,
  type MemberProfileUpdated,
  type MemberRegistered,
  type MemberTierChanged,
  type NotificationPreferencesChanged,
  type PointsEarned,
  type PointsExpired,
  type PointsRedeemed,
  type PointsRefunded,
  type RedemptionCancelled,
} from '@atrium/contracts';
import { InvalidInputError } from '@atrium/errors';
import type { ConsumedEvent } from '@atrium/messaging';
import type { MemberLanguage, RegistrationChannel as Channel } from './member-profile.entity';
import type { MemberChange, MemberServiceCardState, PointsChange } from './member-projection';

/**
 * Member and points events as projection changes. The codec has checked every required field
 * already; what is refused here (an UNSPECIFIED enum where a value is required) is a broken
 * event, thrown as invalid input so the consumer dead-letters it.
 */

export function registeredChange(event: MemberRegistered): MemberChange {
  const language = languageOf(event.preferredLanguage);
  return {
    kind: 'registered',
    ...(language ? { language } : {}),
    phone: event.phone,
    name: event.name,
    channel: channelOf(event.channel),
    sourceRef: event.sourceRef,
    registeredAt: instant(event.registeredAt, 'registeredAt'),
  };
}

export function cardIssuedChange(event: CardIssued): MemberChange {
  return { kind: 'card-issued', cardNumber: event.cardNumber, at: instant(event.issuedAt, 'issuedAt') };
}

export function cardReplacedChange(event: CardReplaced): MemberChange {
  return { kind: 'card-replaced', newCardNumber: event.newCardNumber, at: instant(event.replacedAt, 'replacedAt') };
}

export function cardStateChange(event: CardStateChanged): MemberChange {
  return { kind: 'card-state-changed', cardNumber: event.cardNumber, state: cardStateOf(event.state), at: instant(event.changedAt, 'changedAt') };
}

export function profileChange(event: MemberProfileUpdated): MemberChange {
  const language = languageOf(event.preferredLanguage);
  const hasBirthday = event.birthdayMonth >= 1 && event.birthdayMonth <= 12 && event.birthdayDay >= 1 && event.birthdayDay <= 31;
  return {
    kind: 'profile-updated',
    phone: event.phone,
    name: event.name,
    ...(language ? { language } : {}),
    ...(hasBirthday ? { birthday: { month: event.birthdayMonth, day: event.birthdayDay } } : {}),
    tags: event.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
    at: instant(event.updatedAt, 'updatedAt'),
  };
}

export function consentChange(event: MemberConsentChanged): MemberChange {
  return { kind: 'consent-changed', granted: event.granted, at: instant(event.changedAt, 'changedAt') };
}

export function notificationsChange(event: NotificationPreferencesChanged): MemberChange {
  return { kind: 'notifications-changed', notifications: { pointsEarned: event.pointsEarned }, at: instant(event.changedAt, 'changedAt') };
}

export function tierChange(event: MemberTierChanged): MemberChange {
  const tier = event.toTier.trim().toLowerCase();
  if (tier === '') throw new InvalidInputError('projection.event-invalid', 'the tier change names no tier');
  return { kind: 'tier-changed', tier, at: instant(event.changedAt, 'changedAt') };
}

export function erasedChange(event: MemberErased): MemberChange {
  return { kind: 'erased', at: instant(event.erasedAt, 'erasedAt') };
}

export function earnedChange(event: ConsumedEvent<PointsEarned>): PointsChange {
  const { payload } = event;
  return { eventId: event.eventId, kind: 'earned', amountMinor: amount(payload.amountMinor), at: instant(payload.purchasedAt, 'purchasedAt'), ...balanceOf(event) };
}

export function refundedChange(event: ConsumedEvent<PointsRefunded>): PointsChange {
  const { payload } = event;
  return { eventId: event.eventId, kind: 'refunded', amountMinor: amount(payload.amountMinor), at: instant(payload.refundedAt, 'refundedAt'), ...balanceOf(event) };
}

/** A redemption: the balance it left, no spend. */
export function redeemedChange(event: ConsumedEvent<PointsRedeemed>): PointsChange {
  return balanceChange(event, instant(event.payload.redeemedAt, 'redeemedAt'));
}

/** A redemption's points back: the balance it left, no spend. */
export function redemptionCancelledChange(event: ConsumedEvent<RedemptionCancelled>): PointsChange {
  return balanceChange(event, instant(event.payload.cancelledAt, 'cancelledAt'));
}

/** Points past their expiry date: the balance they left, no spend. */
export function expiredChange(event: ConsumedEvent<PointsExpired>): PointsChange {
  return balanceChange(event, instant(event.payload.expiredAt, 'expiredAt'));
}

function balanceChange(event: ConsumedEvent<{ availableBalance?: bigint }>, at: Date): PointsChange {
  return { eventId: event.eventId, kind: 'balance-changed', amountMinor: 0, at, ...balanceOf(event) };
}

/** The event's `available_balance` with its place on the topic; nothing when the event carries none. */
function balanceOf(event: ConsumedEvent<{ availableBalance?: bigint }>): Pick<PointsChange, 'balance'> {
  const available = event.payload.availableBalance;
  if (available === undefined) return {};
  const points = Number(available);
  if (!Number.isSafeInteger(points)) throw new InvalidInputError('projection.event-invalid', `availableBalance ${available} is not a number of points`);
  return { balance: { available: points, position: { partition: event.partition, offset: event.offset } } };
}

function instant(value: Timestamp | undefined, field: string): Date {
  if (!value) throw new InvalidInputError('projection.event-invalid', `the event has no ${field}`);
  return timestampDate(value);
}

/** Spend in minor units: a refund or sale beyond 2^53 is not a purchase anyone made. */
function amount(value: bigint): number {
  const minor = Number(value);
  if (!Number.isSafeInteger(minor) || minor < 0) throw new InvalidInputError('projection.event-invalid', `amountMinor ${value} is not a spend`);
  return minor;
}

function channelOf(channel: RegistrationChannel): Channel {
  switch (channel) {
    case RegistrationChannel.DESK:
      return 'desk';
    case RegistrationChannel.SELF_SERVICE:
      return 'self-service';
    case RegistrationChannel.ACTIVITY:
      return 'activity';
    case RegistrationChannel.CORPORATE:
      return 'corporate';
    case RegistrationChannel.IMPORT:
      return 'import';
    case RegistrationChannel.UNSPECIFIED:
      throw new InvalidInputError('projection.event-invalid', 'the registration names no channel');
  }
}

/** A preferred language from a member event as a language we write in; undefined when unspecified. */
export function languageOf(language: PreferredLanguage): MemberLanguage | undefined {
  switch (language) {
    case PreferredLanguage.ZH_HANS:
      return 'zh-Hans';
    case PreferredLanguage.ZH_HANT:
      return 'zh-Hant';
    case PreferredLanguage.EN:
      return 'en';
    case PreferredLanguage.UNSPECIFIED:
      return undefined;
  }
}

function cardStateOf(state: CardState): MemberServiceCardState {
  switch (state) {
    case CardState.ACTIVE:
      return 'active';
    case CardState.LOST:
      return 'lost';
    case CardState.FROZEN:
      return 'frozen';
    case CardState.REPLACED:
      return 'replaced';
    case CardState.UNSPECIFIED:
      throw new InvalidInputError('projection.event-invalid', 'the card state change names no state');
  }
}
