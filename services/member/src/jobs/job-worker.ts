import { Worker, type Job, type Queue } from 'bullmq';
import type { Logger } from '@atrium/observability';
import type { JobSettings } from './job-settings';

/** A job may be taken over after its worker died this many times before the queue gives up on it. */
const MAX_STALLED = 20;

/**
 * A worker for one of the member service's long jobs: one job at a time per process, holding
 * the job's claim for JOB_LOCK_SECONDS and renewing it halfway. A worker killed mid-job leaves
 * the claim to expire; the stalled check (as often as the claim lasts) then hands the job to
 * the next worker, which resumes it from what the job saved.
 */
export function startJobWorker<Data>(queue: Queue<Data>, settings: JobSettings, log: Logger, process: (job: Job<Data>) => Promise<unknown>): Worker<Data> {
  const worker = new Worker<Data>(queue.name, process, {
    connection: queue.opts.connection,
    prefix: queue.opts.prefix,
    concurrency: 1,
    lockDuration: settings.lockMs,
    stalledInterval: settings.lockMs,
    maxStalledCount: MAX_STALLED,
  });
  worker.on('error', (error) => log.warn({ err: error, queue: queue.name }, 'job worker error'));
  return worker;
}
