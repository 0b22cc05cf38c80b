import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { CAMPAIGN_TICK, CampaignQueue, START_CAMPAIGN, type StartCampaignData } from './campaign-queue';
import { CampaignSending } from './campaign-sending.service';

/** A start may be taken over after a crash this many times before the queue gives up on it (the tick starts it again then). */
const MAX_STALLED = 5;

/**
 * The campaign queue's worker: `start-campaign` (start at its time, freeze the recipient list)
 * and `campaign-tick` (due, stalled and finished campaigns). Several jobs at once, so a long
 * freeze holds up neither the tick nor another campaign's start.
 */
@Injectable()
export class CampaignLifecycleJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(
    private readonly queue: CampaignQueue,
    private readonly sending: CampaignSending,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** After every module's init (collections and indexes exist), then the tick is scheduled. */
  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queue.queue;
    this.worker = new Worker(queue.name, (job) => this.process(job), {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
      concurrency: 4,
      maxStalledCount: MAX_STALLED,
    });
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'campaign worker error'));
    this.worker.on('failed', (job, error) => this.logger.warn({ err: error, job: job?.name, data: job?.data as unknown, attempt: job?.attemptsMade }, 'campaign job failed'));
    await this.queue.scheduleTick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case START_CAMPAIGN:
        return this.sending.start((job.data as StartCampaignData).campaignId);
      case CAMPAIGN_TICK:
        return this.sending.tick(new Date());
      default:
        throw new Error(`unknown job ${job.name} on ${job.queueName}`);
    }
  }
}
