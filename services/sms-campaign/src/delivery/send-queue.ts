import { Inject, Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { MessageKind } from '../compliance/message-kind';

/** The one job of the sending queue: hand one recipient's message to Twilio. */
export const SEND_JOB = 'send-message';

/**
 * What a message needs to be sent, carried in its job so that sending does not read the
 * recipient's record first (one statement fewer per message). The record stays the truth: the
 * worker's first write to it (`sending`) is conditional on it being unsent.
 */
export interface SendJobMessage {
  readonly kind: MessageKind;
  readonly campaignId?: string;
  readonly memberId?: string;
  readonly phone: string;
  readonly body: string;
  readonly segments: number;
  /** ISO instant; a transactional message useless after it. */
  readonly expiresAt?: string;
}

export interface SendJobData {
  readonly recipientId: string;
  /** Absent in jobs queued by resume (which reads only ids) and by earlier versions: the worker reads the record then. */
  readonly message?: SendJobMessage;
}

export const SEND_QUEUE = Symbol('SEND_QUEUE');

/** The queue's name: one per service database (see DeliverySettings.namespace). */
export function sendQueueNameOf(namespace: string): string {
  return `sms-send.${namespace}`;
}

/**
 * Every job's options. Retries (Twilio busy, no answer) back off exponentially from 2 s, eight
 * attempts in about four minutes; finished jobs are dropped at once (the recipient record, not
 * the job, remembers what was sent), failed ones kept a week for inspection.
 */
export const SEND_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 86_400 },
};

/** Jobs per addBulk call: large enough to be fast, small enough not to hold Redis for long. */
const ADD_CHUNK = 1_000;

/** A message to queue and the earliest instant it may go. */
export interface QueuedMessage {
  readonly recipientId: string;
  readonly notBefore: Date;
  readonly message?: SendJobMessage;
}

/**
 * The rate-limited queue of messages to send. A job's id is derived from its recipient's, so
 * queueing a recipient that is already queued adds nothing (a repeated dispatch, a resume).
 */
@Injectable()
export class SendQueue {
  constructor(@Inject(SEND_QUEUE) private readonly queue: Queue<SendJobData>) {}

  async add(messages: readonly QueuedMessage[], now = Date.now()): Promise<void> {
    for (let start = 0; start < messages.length; start += ADD_CHUNK) {
      await this.queue.addBulk(
        messages.slice(start, start + ADD_CHUNK).map((message) => ({
          name: SEND_JOB,
          data: message.message ? { recipientId: message.recipientId, message: message.message } : { recipientId: message.recipientId },
          opts: { jobId: jobIdOf(message.recipientId), delay: Math.max(0, message.notBefore.getTime() - now) },
        })),
      );
    }
  }

  /** Takes waiting and delayed jobs off the queue (a job being worked on stays: the worker checks the campaign's state). */
  async remove(recipientIds: readonly string[]): Promise<void> {
    for (let start = 0; start < recipientIds.length; start += ADD_CHUNK) {
      await Promise.all(recipientIds.slice(start, start + ADD_CHUNK).map((recipientId) => this.queue.remove(jobIdOf(recipientId))));
    }
  }
}

/**
 * BullMQ refuses custom job ids with a ':' (its key separator), which recipient ids contain;
 * percent-encoding keeps the id unique and readable.
 */
export function jobIdOf(recipientId: string): string {
  return encodeURIComponent(recipientId);
}
