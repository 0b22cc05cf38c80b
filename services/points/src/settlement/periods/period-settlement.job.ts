import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue, Worker } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { DAILY_SETTLEMENT_JOB_OPTIONS } from '../daily-settlement.queue';
import { startSettlementWorker } from '../settlement-worker';
import type { PeriodRun } from './period-run.entity';
import { PeriodSettlementService } from './period-settlement.service';
import { PERIOD_SETTLEMENT_SETTINGS, type PeriodSettlementSettings } from './period-settlement-settings';

export const PERIOD_SETTLEMENT_QUEUE = Symbol('PERIOD_SETTLEMENT_QUEUE');
export const PERIOD_SETTLEMENT_JOB = 'period-settlement';
export const SCHEDULED_PERIOD_SETTLEMENT_JOB = 'scheduled-period-settlement';

/** A run staff asked for (its id is the job's id too); the schedule's job carries none. */
export interface PeriodSettlementJobData {
  readonly runId?: string;
}

/**
 * The period settlement as a BullMQ job: started by finance (POST /settlement/periods) or by
 * the monthly schedule (PERIOD_SETTLEMENT_CRON, centre time) for the month before. A worker
 * killed mid-run leaves its claim to expire; the job is then run again from the start by the
 * next worker (a run writes nothing before its end).
 */
@Injectable()
export class PeriodSettlementJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<PeriodSettlementJobData>;
  private readonly log: Logger;

  constructor(
    @Inject(PERIOD_SETTLEMENT_QUEUE) private readonly queue: Queue<PeriodSettlementJobData>,
    private readonly settlement: PeriodSettlementService,
    @Inject(PERIOD_SETTLEMENT_SETTINGS) private readonly settings: PeriodSettlementSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'period-settlement-job' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startSettlementWorker({
      queue: this.queue,
      lockMs: this.settings.jobLockMs,
      log: this.log,
      what: 'period settlement',
      process: (job) => this.process(job),
      failRun: (runId, reason) => this.settlement.fail(runId, reason),
    });
    await this.queue.upsertJobScheduler(SCHEDULED_PERIOD_SETTLEMENT_JOB, { pattern: this.settings.cron, tz: this.settings.timeZone }, { name: SCHEDULED_PERIOD_SETTLEMENT_JOB, opts: DAILY_SETTLEMENT_JOB_OPTIONS });
    for (const run of await this.settlement.unfinished()) await this.enqueue(run);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async enqueue(run: PeriodRun): Promise<void> {
    await this.queue.add(PERIOD_SETTLEMENT_JOB, { runId: run.id }, { ...DAILY_SETTLEMENT_JOB_OPTIONS, jobId: run.id });
  }

  private async process(job: Job<PeriodSettlementJobData>): Promise<void> {
    if (job.name !== PERIOD_SETTLEMENT_JOB && job.name !== SCHEDULED_PERIOD_SETTLEMENT_JOB) throw new Error(`unknown job ${job.name} on ${this.queue.name}`);
    const runId = job.name === SCHEDULED_PERIOD_SETTLEMENT_JOB ? (await this.settlement.scheduled())?.id : job.data.runId;
    if (!runId) return;
    await this.settlement.run(runId, (processed, total) => job.updateProgress({ processed, total }));
  }
}
