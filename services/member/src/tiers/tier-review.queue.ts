import type { JobsOptions } from 'bullmq';

/** The review queue's jobs, by name. */
export const TIER_REVIEW_JOB = 'tier-review';
export const YEARLY_TIER_REVIEW_JOB = 'yearly-tier-review';

/** A run staff asked for: the run's id (the job's id too, so one run is one job). */
export interface TierReviewJobData {
  readonly runId?: string;
}

export const TIER_REVIEW_QUEUE = Symbol('TIER_REVIEW_QUEUE');

/**
 * A run that throws (the database away) is tried again with growing pauses; it resumes where
 * it saved. Finished jobs go (the run document keeps the outcome); failed ones stay a while.
 */
export const TIER_REVIEW_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 86_400 },
};
