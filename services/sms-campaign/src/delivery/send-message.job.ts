import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { MessageSender } from './message-sender.service';
import { SEND_QUEUE, type SendJobData } from './send-queue';

/**
 * A worker holds a job's lock this long and renews it halfway; a worker that dies (SIGKILL)
 * leaves its jobs locked until then, and another worker (or the restarted one) takes them
 * within one more stalled-check interval.
 */
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 5_000;
/** A job may be taken over after a crash this many times before the queue gives up on it. */
const MAX_STALLED = 5;

/**
 * The sending worker: takes messages off the queue at no more than SMS_MESSAGES_PER_SECOND,
 * across every process (BullMQ's limiter counts in Redis), and lets MessageSender send each.
 * Deferred messages (quiet hours) and interrupted ones waiting for Twilio's answer to settle go
 * back to the queue's delayed set without using an attempt.
 */
@Injectable()
export class SendMessageJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<SendJobData>;
  private closed = false;
  private readonly log: Logger;

  constructor(
    @Inject(SEND_QUEUE) private readonly queue: Queue<SendJobData>,
    private readonly sender: MessageSender,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly http: HttpAdapterHost,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'send-worker' });
  }

  /**
   * After every module's init (indexes exist, so the first job never creates a collection under
   * load), and not before the process listens: Twilio's status callbacks for what the worker
   * sends come back to this service, and a restarted process that sent before listening would
   * refuse them.
   */
  onApplicationBootstrap(): void {
    if (!this.settings.runWorker) return;
    const server = this.http.httpAdapter?.getHttpServer() as { listening?: boolean; once?: (event: 'listening', listener: () => void) => void } | undefined;
    if (server?.once && server.listening === false) server.once('listening', () => this.start());
    else this.start();
  }

  private start(): void {
    if (this.closed) return;
    const perSecond = this.settings.messagesPerSecond;
    this.worker = new Worker<SendJobData>(this.queue.name, (job, token) => this.handle(job, token), {
      connection: this.queue.opts.connection,
      prefix: this.queue.opts.prefix,
      limiter: { max: perSecond, duration: 1_000 },
      // Enough calls in flight to reach the rate when one takes a few hundred ms, never a flood.
      concurrency: Math.min(64, Math.max(4, Math.ceil(perSecond / 2))),
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED,
    });
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.worker.on('error', (error) => this.log.warn({ err: error }, 'send worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.worker?.close();
  }

  async handle(job: Job<SendJobData>, token: string | undefined): Promise<void> {
    const outcome = await this.sender.process(job.data);
    if (outcome.kind === 'delay') {
      await job.moveToDelayed(outcome.until.getTime(), token);
      throw new DelayedError();
    }
  }

  private async onFailed(job: Job<SendJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const lastAttempt = job.attemptsMade >= attempts || error.name === 'UnrecoverableError';
    if (!lastAttempt) {
      this.log.info({ err: error, recipientId: job.data.recipientId, attempt: job.attemptsMade }, 'sending failed; the queue retries');
      return;
    }
    this.log.warn({ err: error, recipientId: job.data.recipientId, attempt: job.attemptsMade }, 'sending failed at the last attempt');
    try {
      await this.sender.giveUp(job.data.recipientId, error);
    } catch (giveUpError) {
      this.log.error({ err: giveUpError, recipientId: job.data.recipientId }, 'could not record a message given up');
    }
  }
}
