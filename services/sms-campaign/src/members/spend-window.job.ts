import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job, type Queue } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { MemberProfilesRepository, PROJECTION_SETTINGS } from './member-profiles.repository';
import type { ProjectionSettings } from './member-projection';

export const PROJECTION_QUEUE = Symbol('PROJECTION_QUEUE');

/** The projection queue's name: one per service database, so test runs and deployments never take each other's jobs. */
export function projectionQueueNameOf(namespace: string): string {
  return `sms-projection.${namespace}`;
}

/** The projection's one job. */
export const RENEW_SPEND_WINDOWS = 'renew-spend-windows';

const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: 100 };
const CATCH_UP_OPTIONS = { removeOnComplete: { age: 2 * 86_400 }, removeOnFail: 100 };

/**
 * Renews the 12-month spend of members whose figure was worked out in an earlier month:
 * spend is kept per month, and a month leaves the window as time passes without any event for
 * the member. Runs every day just after midnight in the centre's zone, and on the first start
 * of a day (a service that was down over a month's end catches up). Idempotent.
 */
@Injectable()
export class SpendWindowJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(
    @Inject(PROJECTION_QUEUE) private readonly queue: Queue,
    private readonly profiles: MemberProfilesRepository,
    @Inject(PROJECTION_SETTINGS) private readonly settings: ProjectionSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** After every module's init: the collection and its indexes exist before the first run. */
  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(this.queue.name, (job) => this.process(job), { connection: this.queue.opts.connection, prefix: this.queue.opts.prefix });
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'projection worker error'));
    await this.queue.upsertJobScheduler(RENEW_SPEND_WINDOWS, { pattern: '10 0 * * *', tz: this.settings.timeZone }, { name: RENEW_SPEND_WINDOWS, opts: JOB_OPTIONS });
    // One catch-up run a day, however often processes start that day: the day's job is kept
    // two days after it completes, and a job id BullMQ still holds is not added again (the run
    // reads every member, about 30 s of FerretDB's time at 100,000).
    await this.queue.add(RENEW_SPEND_WINDOWS, {}, { ...CATCH_UP_OPTIONS, jobId: `${RENEW_SPEND_WINDOWS}-${new Date().toISOString().slice(0, 10)}` });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job): Promise<{ renewed: number }> {
    if (job.name !== RENEW_SPEND_WINDOWS) throw new Error(`unknown job ${job.name} on ${this.queue.name}`);
    const renewed = await this.profiles.renewSpendWindows(new Date());
    if (renewed > 0) this.logger.info({ renewed }, '12-month spend renewed');
    return { renewed };
  }
}
