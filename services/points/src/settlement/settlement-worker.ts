import { hostname } from 'node:os';
import { Worker, type Job, type Queue } from 'bullmq';
import type { Logger } from '@atrium/observability';
import { MAX_STALLED } from './daily-settlement.queue';

/** What a settlement job gives its worker: how to process a job, and how to record a run that failed for good. */
export interface SettlementWorkerSpec<Data extends { readonly runId?: string }> {
  readonly queue: Queue<Data>;
  /** SETTLEMENT_JOB_LOCK_SECONDS: how long a dead worker's claim on a job lasts. */
  readonly lockMs: number;
  readonly log: Logger;
  /** The run's name in logs: "daily settlement", "period settlement". */
  readonly what: string;
  readonly process: (job: Job<Data>) => Promise<void>;
  readonly failRun: (runId: string, reason: string) => Promise<void>;
}

/**
 * The worker of a settlement queue: one job at a time; a worker killed mid-run leaves its claim
 * to expire (lockMs), then BullMQ's stalled check hands the job to the next worker, or the
 * restarted one. A run whose job failed its last attempt is recorded as failed.
 */
export function startSettlementWorker<Data extends { readonly runId?: string }>(spec: SettlementWorkerSpec<Data>): Worker<Data> {
  const worker = new Worker<Data>(spec.queue.name, (job) => spec.process(job), {
    // The job's processedBy names the process holding it (logs, and the test that kills it).
    name: `${hostname()}:${process.pid}`,
    connection: spec.queue.opts.connection,
    prefix: spec.queue.opts.prefix,
    concurrency: 1,
    lockDuration: spec.lockMs,
    stalledInterval: spec.lockMs,
    maxStalledCount: MAX_STALLED,
  });
  worker.on('error', (error) => spec.log.warn({ err: error }, `${spec.what} worker error`));
  worker.on('failed', (job, error) => {
    const runId = job?.data.runId;
    if (!job || !runId || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    spec.log.error({ err: error, runId }, `${spec.what} failed at its last attempt`);
    spec.failRun(runId, error.message).catch((failure: unknown) => spec.log.error({ err: failure, runId }, `${spec.what}: could not record the failure`));
  });
  return worker;
}
