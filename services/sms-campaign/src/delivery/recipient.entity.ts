import type { MessageKind } from '../compliance/message-kind';
import type { MemberLanguage } from '../members/member-profile.entity';
import type { RecipientStatus } from './campaign-delivery';

/**
 * One message to one phone and everything delivery knows about it: the unit of "at most once".
 * Campaign messages (`<campaignId>:<memberId>`) and transactional ones (`tx:<event or code id>`)
 * alike; the id is the message's identity, so recording it twice records it once.
 */
export interface DeliveryRecipient {
  readonly recipientId: string;
  readonly kind: MessageKind;
  /** The campaign; absent for transactional messages. */
  readonly campaignId?: string;
  /** Absent when no member is known (a sign-up code goes to a phone that is no member yet). */
  readonly memberId?: string;
  /**
   * E.164; for members, the projection's current number replaces it when the message goes out.
   * Empty for a recipient excluded when the campaign's list was frozen (no message was made).
   */
  readonly phone: string;
  /** Absent for a recipient excluded when the list was frozen. */
  readonly language?: MemberLanguage;
  /** Empty for a recipient excluded when the list was frozen. */
  readonly body: string;
  readonly segments: number;
  readonly status: RecipientStatus;
  /** Why it was excluded or cancelled (an ExclusionReason, `expired`, `retries-exhausted`...). */
  readonly exclusionReason?: string;
  /** Not to be sent before this instant (the campaign's schedule). */
  readonly notBefore: Date;
  /** When quiet hours deferred it to. */
  readonly deferredUntil?: Date;
  /** A transactional message that is useless after this instant (a verification code). */
  readonly expiresAt?: Date;
  /** When the last call to Twilio for it began (set with status `sending`, before the call). */
  readonly attemptAt?: Date;
  readonly messageSid?: string;
  /** When Twilio accepted it. */
  readonly acceptedAt?: Date;
  /** When its status was last looked up at Twilio (its callbacks were late or lost). */
  readonly statusCheckedAt?: Date;
  /** Twilio's error code of a refusal, a failure or an undelivered message. */
  readonly errorCode?: number;
  /** The member replied STOP after this was the last campaign message they received. */
  readonly optOutCaused: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A recipient to record: the fields that are known before anything is sent. */
export type NewDeliveryRecipient = Pick<
  DeliveryRecipient,
  'recipientId' | 'kind' | 'campaignId' | 'memberId' | 'phone' | 'language' | 'body' | 'segments' | 'status' | 'exclusionReason' | 'notBefore' | 'expiresAt'
>;

/** Fields a change may set, or unset (undefined). */
export type RecipientChange = Partial<Omit<DeliveryRecipient, 'recipientId' | 'kind' | 'createdAt' | 'updatedAt'>>;
