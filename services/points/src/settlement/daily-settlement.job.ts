import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue, Worker } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { percentOf, type DailyRun } from './daily-run.entity';
import {
  DAILY_SETTLEMENT_JOB,
  DAILY_SETTLEMENT_JOB_OPTIONS,
  SCHEDULED_DAILY_SETTLEMENT_JOB,
  SETTLEMENT_QUEUE,
  type DailySettlementJobData,
} from './daily-settlement.queue';
import { DailySettlementService } from './daily-settlement.service';
import { SETTLEMENT_SETTINGS, type SettlementSettings } from './settlement-settings';
import { startSettlementWorker } from './settlement-worker';

/**
 * The daily settlement as a BullMQ job: started by finance or a supervisor
 * (POST /settlement/daily-runs) or by the job scheduler every day at DAILY_SETTLEMENT_TIME
 * (centre time) for the day before. The job carries the run's id only; the run's document says
 * how far it got. A worker killed mid-run leaves its claim on the job to expire
 * (SETTLEMENT_JOB_LOCK_SECONDS); BullMQ's stalled check then hands the job to the next worker,
 * or the restarted one, which resumes the run from what it saved.
 */
@Injectable()
export class DailySettlementJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<DailySettlementJobData>;
  private readonly log: Logger;

  constructor(
    @Inject(SETTLEMENT_QUEUE) private readonly queue: Queue<DailySettlementJobData>,
    private readonly settlement: DailySettlementService,
    @Inject(SETTLEMENT_SETTINGS) private readonly settings: SettlementSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'daily-settlement-job' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startSettlementWorker({
      queue: this.queue,
      lockMs: this.settings.jobLockMs,
      log: this.log,
      what: 'daily settlement',
      process: (job) => this.process(job),
      failRun: (runId, reason) => this.settlement.fail(runId, reason),
    });
    await this.queue.upsertJobScheduler(
      SCHEDULED_DAILY_SETTLEMENT_JOB,
      { pattern: this.settings.dailyCron, tz: this.settings.timeZone },
      { name: SCHEDULED_DAILY_SETTLEMENT_JOB, opts: DAILY_SETTLEMENT_JOB_OPTIONS },
    );
    // Runs whose job Redis no longer has (it was flushed, or the run was stored and the job never added).
    for (const run of await this.settlement.unfinished()) await this.enqueue(run);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** Queues a run; a run whose job is queued or running already is not queued twice (the job id is the run id). */
  async enqueue(run: DailyRun): Promise<void> {
    await this.queue.add(DAILY_SETTLEMENT_JOB, { runId: run.id }, { ...DAILY_SETTLEMENT_JOB_OPTIONS, jobId: run.id });
  }

  private async process(job: Job<DailySettlementJobData>): Promise<void> {
    if (job.name !== DAILY_SETTLEMENT_JOB && job.name !== SCHEDULED_DAILY_SETTLEMENT_JOB) throw new Error(`unknown job ${job.name} on ${this.queue.name}`);
    const runId = job.name === SCHEDULED_DAILY_SETTLEMENT_JOB ? (await this.settlement.scheduled())?.id : job.data.runId;
    if (!runId) return;
    await this.settlement.run(runId, ({ processed, total, counts }) =>
      job.updateProgress({ percent: percentOf(processed, total), processed, total, entriesRead: counts.entriesRead }),
    );
  }
}

