import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Queue } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { MessageStatusService } from './message-status.service';

export const STATUS_CHECK_QUEUE = Symbol('STATUS_CHECK_QUEUE');

/** The status check's queue: one per service database, like the sending queue. */
export function statusCheckQueueNameOf(namespace: string): string {
  return `sms-status-check.${namespace}`;
}

const SCHEDULER_ID = 'status-check';

/**
 * Looks up at Twilio, on a BullMQ job scheduler, the messages whose status callbacks never came
 * (MessageStatusService.checkOverdue). Its own queue, so the checks never take the sending
 * queue's messages-per-second; one scheduler for every process (BullMQ keeps one job per
 * period whoever upserts it), at least once a minute and more often when the check is due sooner.
 */
@Injectable()
export class StatusCheckJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;
  private readonly log: Logger;

  constructor(
    @Inject(STATUS_CHECK_QUEUE) private readonly queue: Queue,
    private readonly statuses: MessageStatusService,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'status-check' });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.runWorker) return;
    const every = Math.min(60_000, Math.max(1_000, Math.floor(this.settings.statusCheckAfterMs / 2)));
    await this.queue.upsertJobScheduler(SCHEDULER_ID, { every }, { name: SCHEDULER_ID, opts: { removeOnComplete: true, removeOnFail: 100 } });
    this.worker = new Worker(this.queue.name, async () => this.statuses.checkOverdue(), {
      connection: this.queue.opts.connection,
      prefix: this.queue.opts.prefix,
      concurrency: 1,
    });
    this.worker.on('failed', (_job, error) => this.log.warn({ err: error }, 'status check failed; the next one tries again'));
    this.worker.on('error', (error) => this.log.warn({ err: error }, 'status check worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
