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
  type NotificationPreferencesChanged,
  type PointsEarned,
  type PointsRefunded,
} from '@atrium/contracts';
import { InvalidInputError } from '@atrium/errors';
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

export function erasedChange(event: MemberErased): MemberChange {
  return { kind: 'erased', at: instant(event.erasedAt, 'erasedAt') };
}

export function earnedChange(eventId: string, event: PointsEarned): PointsChange {
  return { eventId, kind: 'earned', amountMinor: amount(event.amountMinor), at: instant(event.purchasedAt, 'purchasedAt') };
}

export function refundedChange(eventId: string, event: PointsRefunded): PointsChange {
  return { eventId, kind: 'refunded', amountMinor: amount(event.amountMinor), at: instant(event.refundedAt, 'refundedAt') };
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
