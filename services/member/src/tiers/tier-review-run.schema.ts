import { Schema } from 'mongoose';
import type { ReviewCounts, ReviewRunStatus } from './tier-review-run.entity';

/** A stored review run; private to TierReviewRunsRepository. */
export interface TierReviewRunDocument {
  _id: string;
  year: number;
  asOf: Date;
  status: ReviewRunStatus;
  trigger: 'staff' | 'schedule';
  requestedBy: string;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  total: number;
  processed: number;
  counts: ReviewCounts;
  cursor?: string;
  failure?: string;
}

export const TIER_REVIEW_RUN_MODEL = 'TierReviewRun';

export const tierReviewRunSchema = new Schema<TierReviewRunDocument>(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    asOf: { type: Date, required: true },
    status: { type: String, required: true },
    trigger: { type: String, required: true },
    requestedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date },
    finishedAt: { type: Date },
    total: { type: Number, required: true, default: 0 },
    processed: { type: Number, required: true, default: 0 },
    counts: { type: Schema.Types.Mixed, required: true },
    cursor: { type: String },
    failure: { type: String },
  },
  { collection: 'tier_review_runs', versionKey: false },
);

tierReviewRunSchema.index({ createdAt: -1 });
tierReviewRunSchema.index({ status: 1 });
