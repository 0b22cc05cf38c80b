import type { JobsOptions } from 'bullmq';

export const IMPORT_JOB = 'member-import';

/** An import's job carries the import's id only (also the job's id: one import, one job). */
export interface ImportJobData {
  readonly importId: string;
}

export const IMPORT_QUEUE = Symbol('IMPORT_QUEUE');

/** An import that throws (the database away) is tried again with growing pauses and resumes at the rows without an outcome. */
export const IMPORT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 86_400 },
};
