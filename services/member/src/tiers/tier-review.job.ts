import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue, Worker } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { JobSettings } from '../jobs/job-settings';
import { startJobWorker } from '../jobs/job-worker';
import type { TierReviewRun } from './tier-review-run.entity';
import { TIER_REVIEW_JOB, TIER_REVIEW_JOB_OPTIONS, TIER_REVIEW_QUEUE, YEARLY_TIER_REVIEW_JOB, type TierReviewJobData } from './tier-review.queue';
import { TierReviewService } from './tier-review.service';
import { TierSettings } from './tier-settings';

/**
 * The yearly review as a BullMQ job: started by staff (POST /tier-reviews) or by the job
 * scheduler once a year (TIER_REVIEW_CRON). The job carries the run's id only; the run's
 * document says how far it got, so a job taken over after its worker died resumes there.
 */
@Injectable()
export class TierReviewJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<TierReviewJobData>;
  private readonly log: Logger;

  constructor(
    @Inject(TIER_REVIEW_QUEUE) private readonly queue: Queue<TierReviewJobData>,
    private readonly reviews: TierReviewService,
    private readonly jobs: JobSettings,
    private readonly settings: TierSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'tier-review-job' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startJobWorker(this.queue, this.jobs, this.log, (job) => this.process(job));
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    await this.queue.upsertJobScheduler(YEARLY_TIER_REVIEW_JOB, { pattern: this.settings.reviewCron, tz: this.settings.timeZone }, { name: YEARLY_TIER_REVIEW_JOB, opts: TIER_REVIEW_JOB_OPTIONS });
    // Runs whose job Redis no longer has (it was flushed, or the run was stored and the job never added).
    for (const run of await this.reviews.unfinished()) await this.enqueue(run);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** Queues a run; a run whose job is queued or running already is not queued twice (the job id is the run id). */
  async enqueue(run: TierReviewRun): Promise<void> {
    await this.queue.add(TIER_REVIEW_JOB, { runId: run.id }, { ...TIER_REVIEW_JOB_OPTIONS, jobId: run.id });
  }

  private async process(job: Job<TierReviewJobData>): Promise<void> {
    if (job.name !== TIER_REVIEW_JOB && job.name !== YEARLY_TIER_REVIEW_JOB) throw new Error(`unknown job ${job.name} on ${this.queue.name}`);
    const runId = job.name === YEARLY_TIER_REVIEW_JOB ? (await this.reviews.scheduled()).id : job.data.runId;
    if (!runId) throw new Error('a tier-review job without a run id');
    await this.reviews.run(runId, (processed, total) => job.updateProgress({ processed, total }));
  }

  private async onFailed(job: Job<TierReviewJobData> | undefined, error: Error): Promise<void> {
    if (!job?.data.runId || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.log.error({ err: error, runId: job.data.runId }, 'tier review failed at its last attempt');
    await this.reviews.fail(job.data.runId, error.message);
  }
}
