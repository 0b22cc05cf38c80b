import { setTimeout as sleep } from 'node:timers/promises';
import { remainingSteps } from './delivery-steps';
import type { MessageStore } from './message-store';
import { twilioErrorCode } from './twilio-error-codes';
import { postWebhook, signWebhook, statusCallbackParams } from './twilio-webhook';

export interface DeliveryOptions {
  authToken: string;
  /** How many messages are taken through their statuses at once. */
  concurrency: number;
  /** Pause before each status change (0: none); lets a demo watch the statuses change. */
  stepDelayMs: number;
  log: (line: string) => void;
}

/**
 * Takes accepted messages through their statuses as Twilio would (delivery-steps.ts), recording
 * each change and posting a signed status callback for it to the message's StatusCallback URL,
 * one message's callbacks in order. Like Twilio, it does not retry a callback that fails.
 */
export class DeliverySimulator {
  private readonly waiting: string[] = [];
  private active = 0;
  private stopped = false;

  constructor(
    private readonly store: MessageStore,
    private readonly options: DeliveryOptions,
  ) {}

  /** Queues a message whose creation has been answered. */
  enqueue(sid: string): void {
    this.waiting.push(sid);
    this.pump();
  }

  /** Queues every message of the record that has statuses or callbacks left (after a restart). */
  resumeAll(): number {
    let count = 0;
    for (const record of this.store.list()) {
      if (record.message.sid !== null && remainingSteps(record).length > 0) {
        this.enqueue(record.message.sid);
        count += 1;
      }
    }
    return count;
  }

  /** Stops taking new messages (shutdown); ones in progress finish their current step. */
  stop(): void {
    this.stopped = true;
  }

  private pump(): void {
    while (!this.stopped && this.active < this.options.concurrency && this.waiting.length > 0) {
      const sid = this.waiting.shift() as string;
      this.active += 1;
      this.deliver(sid)
        .catch((error: unknown) => this.options.log(`delivery of ${sid} stopped: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.active -= 1;
          this.pump();
        });
    }
  }

  private async deliver(sid: string): Promise<void> {
    const first = this.store.get(sid);
    if (first === undefined) return;
    for (const status of remainingSteps(first)) {
      if (this.stopped) return;
      if (this.options.stepDelayMs > 0) await sleep(this.options.stepDelayMs);
      const record = this.store.get(sid);
      if (record === undefined) return; // the record was cleared meanwhile
      if (record.message.status !== status) {
        const failure = record.plannedFailure;
        const final = status === 'failed' || status === 'undelivered';
        const code = final && failure !== null ? failure.code : null;
        const applied = await this.store.apply({
          type: 'status',
          sid,
          status,
          errorCode: code,
          errorMessage: code === null ? null : (twilioErrorCode(code)?.title ?? null),
          at: new Date().toISOString(),
        });
        if (!applied) return;
      }
      if (record.statusCallback !== null) {
        const webhook = signWebhook(this.options.authToken, record.statusCallback, statusCallbackParams(record.message, status));
        const at = new Date().toISOString();
        const answer = await postWebhook(webhook);
        await this.store.apply({
          type: 'webhook',
          sid,
          attempt: { status, url: record.statusCallback, at, httpStatus: answer.httpStatus, error: answer.error },
        });
        if (answer.httpStatus === null || answer.httpStatus >= 400) {
          this.options.log(`status callback ${status} of ${sid}: ${answer.error ?? `HTTP ${answer.httpStatus}`}`);
        }
      }
    }
  }
}
