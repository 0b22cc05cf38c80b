import type { JobsOptions } from 'bullmq';

/** The settlement queue's jobs, by name. */
export const DAILY_SETTLEMENT_JOB = 'daily-settlement';
export const SCHEDULED_DAILY_SETTLEMENT_JOB = 'scheduled-daily-settlement';

/** A run staff asked for: the run's id (the job's id too, so one run is one job). The schedule's job carries none. */
export interface DailySettlementJobData {
  readonly runId?: string;
}

export const SETTLEMENT_QUEUE = Symbol('SETTLEMENT_QUEUE');

/** A job may be taken over after its worker died this many times before the queue gives up on it. */
export const MAX_STALLED = 20;

/**
 * A run that throws (the database away) is tried again with growing pauses; it resumes where
 * it saved. Finished jobs go (the run document keeps the outcome); failed ones stay a while.
 */
export const DAILY_SETTLEMENT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 86_400 },
};
