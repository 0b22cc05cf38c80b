import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';
import type { DailyRunCounts, DailyRunStatus } from './daily-run.entity';

/** A stored daily run; private to DailyRunsRepository. */
export interface DailyRunDocument {
  _id: string;
  day: string;
  status: DailyRunStatus;
  trigger: 'staff' | 'schedule';
  requestedBy: string;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  total: number;
  processed: number;
  counts: DailyRunCounts;
  cursor?: string;
  dueFrom?: string;
  failure?: string;
  /** points.settlement-completed, written with the completion. */
  outbox: OutboxEntry[];
}

export const DAILY_RUN_MODEL = 'DailySettlementRun';

export const dailyRunSchema = new Schema<DailyRunDocument>(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    status: { type: String, required: true },
    trigger: { type: String, required: true },
    requestedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    startedAt: Date,
    finishedAt: Date,
    total: { type: Number, required: true },
    processed: { type: Number, required: true },
    counts: { type: Schema.Types.Mixed, required: true },
    cursor: String,
    dueFrom: String,
    failure: String,
    outbox: outboxField,
  },
  { collection: 'daily_settlement_runs', versionKey: false },
);

// The lock per day looks for a day's unfinished run; staff list a day's runs.
dailyRunSchema.index({ day: 1, status: 1 });
dailyRunSchema.index({ createdAt: -1 });
