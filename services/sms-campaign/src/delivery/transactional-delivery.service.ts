import { Injectable } from '@nestjs/common';
import type { MemberLanguage } from '../members/member-profile.entity';
import { analyseSms } from '../templates/sms-encoding';
import { RecipientsRepository } from './recipients.repository';
import { SendQueue } from './send-queue';

/** A transactional message to send now. */
export interface TransactionalMessage {
  /** `tx:<kind>:<id of what it answers>`: the same id is sent once, however often it is asked for. */
  readonly recipientId: string;
  /** The member, when there is one (a sign-up code goes to a phone that is no member yet). */
  readonly memberId?: string;
  /** E.164. */
  readonly phone: string;
  readonly language: MemberLanguage;
  readonly body: string;
  /** Useless after this instant (a verification code): dropped if it could not go out before. */
  readonly expiresAt?: Date;
}

/**
 * Transactional messages go through the same queue and the same at-most-once record as
 * campaign messages; only the rules differ (no consent, cap or quiet hours: decideSend).
 */
@Injectable()
export class TransactionalDelivery {
  constructor(
    private readonly records: RecipientsRepository,
    private readonly queue: SendQueue,
  ) {}

  /** Records the message (a repeat records nothing) and queues it to go at once. */
  async send(message: TransactionalMessage): Promise<void> {
    const now = new Date();
    const segments = analyseSms(message.body).segments;
    await this.records.insertNew([
      {
        recipientId: message.recipientId,
        kind: 'transactional',
        phone: message.phone,
        language: message.language,
        body: message.body,
        segments,
        status: 'pending',
        notBefore: now,
        ...(message.memberId !== undefined ? { memberId: message.memberId } : {}),
        ...(message.expiresAt !== undefined ? { expiresAt: message.expiresAt } : {}),
      },
    ]);
    // Queued even when the record existed: after a crash between the two, this is what sends
    // it; a job for a message already sent does nothing.
    await this.queue.add([
      {
        recipientId: message.recipientId,
        notBefore: now,
        message: {
          kind: 'transactional',
          phone: message.phone,
          body: message.body,
          segments,
          ...(message.memberId !== undefined ? { memberId: message.memberId } : {}),
          ...(message.expiresAt !== undefined ? { expiresAt: message.expiresAt.toISOString() } : {}),
        },
      },
    ]);
  }
}
