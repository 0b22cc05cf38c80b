import { Schema } from 'mongoose';

/** One member's qualifying spend in one calendar month; private to QualifyingSpendRepository. */
export interface SpendBucketDocument {
  /** `${memberId}|${month}`. */
  _id: string;
  memberId: string;
  /** "YYYY-MM" in the centre's zone. */
  month: string;
  /** Sales minus refunds counted in the month, in minor units (may dip below zero). */
  amountMinor: number;
  /** The sales and refunds counted here: each counts once, whatever event carried it. */
  keys: string[];
}

export const SPEND_BUCKET_MODEL = 'SpendBucket';

export const spendBucketSchema = new Schema<SpendBucketDocument>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    month: { type: String, required: true },
    amountMinor: { type: Number, required: true, default: 0 },
    keys: { type: [String], default: undefined },
  },
  { collection: 'member_spend', versionKey: false },
);

// The rolling sum reads a member's months in a range.
spendBucketSchema.index({ memberId: 1, month: 1 });
// A refund finds the month its sale was counted in.
spendBucketSchema.index({ keys: 1 });
