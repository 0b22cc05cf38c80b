import { Inject, Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';

export const CAMPAIGN_QUEUE = Symbol('CAMPAIGN_QUEUE');

/** The campaign queue's name: one per service database, so test runs and deployments never take each other's jobs. */
export function campaignQueueNameOf(namespace: string): string {
  return `sms-campaigns.${namespace}`;
}

/** The campaign queue's jobs, by name, with their data. */
export const START_CAMPAIGN = 'start-campaign';
export const CAMPAIGN_TICK = 'campaign-tick';
export interface StartCampaignData {
  readonly campaignId: string;
}

/** How often the campaign tick looks for due, stalled and finished campaigns. */
export const TICK_EVERY_MS = 10_000;

const START_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Ids are free again once a job is done: the tick may have to start a stalled freeze again.
  removeOnComplete: true,
  removeOnFail: true,
};

/**
 * The campaign queue: a campaign's start is one job whose id is the campaign's
 * (`start-<campaignId>`), so a campaign has at most one start waiting or running, whoever asks
 * (staff sending now, its schedule, the tick resuming a freeze after a crash).
 */
@Injectable()
export class CampaignQueue {
  constructor(@Inject(CAMPAIGN_QUEUE) readonly queue: Queue) {}

  /** Starts the campaign at `at` (now when absent or past); a start already waiting is moved to `at`. */
  async startAt(campaignId: string, at?: Date): Promise<void> {
    const jobId = startJobId(campaignId);
    const delay = at === undefined ? 0 : Math.max(0, at.getTime() - Date.now());
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      // A running start stays; a waiting or delayed one is replaced by this one.
      if (await existing.isActive()) return;
      await this.queue.remove(jobId);
    }
    await this.queue.add(START_CAMPAIGN, { campaignId } satisfies StartCampaignData, { ...START_OPTIONS, jobId, delay });
  }

  /** Resumes a start unless one is waiting or running already. */
  async ensureStarting(campaignId: string): Promise<void> {
    if (await this.queue.getJob(startJobId(campaignId))) return;
    await this.queue.add(START_CAMPAIGN, { campaignId } satisfies StartCampaignData, { ...START_OPTIONS, jobId: startJobId(campaignId) });
  }

  /** Drops a waiting or delayed start (unscheduled, withdrawn, cancelled); a running one finds the campaign's new state itself. */
  async dropStart(campaignId: string): Promise<void> {
    await this.queue.remove(startJobId(campaignId));
  }

  /** The tick runs every TICK_EVERY_MS on whichever process of the service takes it. */
  async scheduleTick(): Promise<void> {
    await this.queue.upsertJobScheduler(CAMPAIGN_TICK, { every: TICK_EVERY_MS }, { name: CAMPAIGN_TICK, opts: { removeOnComplete: true, removeOnFail: 100 } });
  }
}

function startJobId(campaignId: string): string {
  return `start-${campaignId}`;
}
