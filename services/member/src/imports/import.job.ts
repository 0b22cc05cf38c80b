import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue, Worker } from 'bullmq';
import { LOGGER, type Logger } from '@atrium/observability';
import { JobSettings } from '../jobs/job-settings';
import { startJobWorker } from '../jobs/job-worker';
import { IMPORT_JOB, IMPORT_JOB_OPTIONS, IMPORT_QUEUE, type ImportJobData } from './import.queue';
import { ImportsService } from './imports.service';
import type { MemberImport } from './member-import.entity';

/** Imports as BullMQ jobs: one at a time per process; a job taken over after its worker died resumes at the rows without an outcome. */
@Injectable()
export class ImportJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<ImportJobData>;
  private readonly log: Logger;

  constructor(
    @Inject(IMPORT_QUEUE) private readonly queue: Queue<ImportJobData>,
    private readonly imports: ImportsService,
    private readonly jobs: JobSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'import-job' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startJobWorker(this.queue, this.jobs, this.log, (job) => this.process(job));
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    // Imports whose job Redis no longer has.
    for (const memberImport of await this.imports.unfinished()) await this.enqueue(memberImport);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async enqueue(memberImport: MemberImport): Promise<void> {
    await this.queue.add(IMPORT_JOB, { importId: memberImport.id }, { ...IMPORT_JOB_OPTIONS, jobId: memberImport.id });
  }

  private async process(job: Job<ImportJobData>): Promise<void> {
    if (job.name !== IMPORT_JOB) throw new Error(`unknown job ${job.name} on ${this.queue.name}`);
    await this.imports.run(job.data.importId, (processed, total) => job.updateProgress({ processed, total }));
  }

  private async onFailed(job: Job<ImportJobData> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.log.error({ err: error, importId: job.data.importId }, 'import failed at its last attempt');
    await this.imports.fail(job.data.importId, error.message);
  }
}
