import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';
import type { PeriodRunStatus } from './period-run.entity';

/** Private to PeriodSettlementRepository. */
export interface PeriodRunDocument {
  _id: string;
  period: string;
  status: PeriodRunStatus;
  trigger: 'staff' | 'schedule';
  requestedBy: string;
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  total: number;
  processed: number;
  matchesStored?: boolean;
  failure?: string;
  /** points.settlement-completed, written with the completion. */
  outbox: OutboxEntry[];
}

/** A closed period: its key and the instant it closed. */
export interface ClosedPeriodDocument {
  _id: string;
  closedAt: Date;
  runId: string;
}

export const PERIOD_RUN_MODEL = 'PeriodSettlementRun';
export const CLOSED_PERIOD_MODEL = 'ClosedSettlementPeriod';
export const PERIOD_STATEMENTS_MODEL = 'PeriodStatements';

export const periodRunSchema = new Schema<PeriodRunDocument>(
  {
    _id: { type: String, required: true },
    period: { type: String, required: true },
    status: { type: String, required: true },
    trigger: { type: String, required: true },
    requestedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    startedAt: Date,
    finishedAt: Date,
    total: { type: Number, required: true },
    processed: { type: Number, required: true },
    matchesStored: Boolean,
    failure: String,
    outbox: outboxField,
  },
  { collection: 'period_settlement_runs', versionKey: false },
);
periodRunSchema.index({ period: 1, status: 1 });
periodRunSchema.index({ createdAt: -1 });

export const closedPeriodSchema = new Schema<ClosedPeriodDocument>(
  { _id: { type: String, required: true }, closedAt: { type: Date, required: true }, runId: { type: String, required: true } },
  { collection: 'settlement_periods', versionKey: false },
);

/** Statements are stored as computed (plain JSON-like values); the period key is the id. */
export const periodStatementsSchema = new Schema(
  {
    _id: { type: String, required: true },
    period: { type: String, required: true },
    closedAt: { type: Date, required: true },
    runId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    tenants: { type: Schema.Types.Mixed, required: true },
    centre: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'period_statements', versionKey: false, minimize: false },
);
