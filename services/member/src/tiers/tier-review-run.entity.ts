/** Where a review run is. */
export const REVIEW_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ReviewRunStatus = (typeof REVIEW_RUN_STATUSES)[number];

/** What the review did with each member it went through. */
export interface ReviewCounts {
  /** Down one level. */
  readonly downgraded: number;
  /** Kept their tier (spend at or above the keep threshold, or already in the lowest tier). */
  readonly kept: number;
  /** Reviewed for the same year by another run already: left as that run left them. */
  readonly alreadyReviewed: number;
  /** Merged or erased records: nothing to review. */
  readonly closed: number;
}

export type ReviewOutcome = keyof ReviewCounts;

/**
 * One run of the yearly tier review. It reviews the members registered before it was asked
 * for, in id order, and saves how far it got: a run that stops (a killed worker) resumes after
 * the last member it saved, and the members it reviewed after that are known by their review.
 */
export interface TierReviewRun {
  readonly id: string;
  /** The calendar year reviewed (of `asOf`, centre time zone): each member is reviewed once per year. */
  readonly year: number;
  /** The spend window ends with this instant's month. */
  readonly asOf: Date;
  readonly status: ReviewRunStatus;
  readonly trigger: 'staff' | 'schedule';
  /** The staff member who started it; "scheduler" for the yearly schedule. */
  readonly requestedBy: string;
  readonly createdAt: Date;
  readonly startedAt?: Date;
  readonly finishedAt?: Date;
  /** Records to go through (registered before the run was asked for). */
  readonly total: number;
  readonly processed: number;
  readonly counts: ReviewCounts;
  /** The last member id saved as processed. */
  readonly cursor?: string;
  readonly failure?: string;
}

export const NO_COUNTS: ReviewCounts = { downgraded: 0, kept: 0, alreadyReviewed: 0, closed: 0 };
