import { Schema } from 'mongoose';

/** How far the due-days backfill got; one document (`_id` "due-days"). Private to DueDaysBackfillRepository. */
export interface DueDaysBackfillDocument {
  _id: string;
  status: 'running' | 'completed';
  /** The last member whose entries are dated; the pass resumes after it. */
  cursor: string;
  membersRead: number;
  entriesDated: number;
  /** Undated entries whose `applied` mark was not written yet: dated once it is (see DueDaysBackfill). */
  awaitingApplied: string[];
  startedAt: Date;
  updatedAt: Date;
  completedAt?: Date;
}

export const DUE_DAYS_BACKFILL_MODEL = 'DueDaysBackfill';

export const dueDaysBackfillSchema = new Schema<DueDaysBackfillDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    cursor: { type: String, default: '' },
    membersRead: { type: Number, default: 0 },
    entriesDated: { type: Number, default: 0 },
    awaitingApplied: { type: [String], default: [] },
    startedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    completedAt: Date,
  },
  { collection: 'ledger_backfills', versionKey: false },
);
