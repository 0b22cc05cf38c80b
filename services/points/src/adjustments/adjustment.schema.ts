import { Schema } from 'mongoose';
import type { Adjustment } from './adjustment.entity';

/** The stored adjustment (the audit record); private to AdjustmentsRepository. */
export type AdjustmentDocument = Omit<Adjustment, 'id'> & {
  _id: string;
  /**
   * False from its insertion until its ledger entry is in the account's balances; one left
   * false by a stopped process is finished at the next start (AdjustmentsService).
   */
  applied: boolean;
};

export const ADJUSTMENT_MODEL = 'Adjustment';

export const adjustmentSchema = new Schema<AdjustmentDocument>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    points: { type: Number, required: true },
    reason: { type: String, required: true },
    reference: String,
    staffId: { type: String, required: true },
    at: { type: Date, required: true },
    before: { type: Schema.Types.Mixed, required: true },
    after: { type: Schema.Types.Mixed, required: true },
    entryId: { type: String, required: true },
    applied: { type: Boolean, required: true },
  },
  { collection: 'adjustments', versionKey: false },
);

adjustmentSchema.index({ memberId: 1, at: 1 });
adjustmentSchema.index({ applied: 1 });
