import { Schema } from 'mongoose';
import type { Redemption } from './redemption.entity';

/** The step of a redemption that is under way, until its effects are all written. */
export type RedemptionStep = 'take' | 'return';

/** The stored redemption; private to RedemptionsRepository. */
export type RedemptionDocument = Omit<Redemption, 'id'> & {
  _id: string;
  /**
   * The recovery marker: `take` from the redemption's insertion until its points and stock are
   * both taken (or it is undone), `return` from a cancellation or expiry until both are given
   * back. A stopped process leaves it set; the next start (and the periodic sweep) finishes it.
   */
  step?: RedemptionStep;
  stepAt?: Date;
};

export const REDEMPTION_MODEL = 'Redemption';

export const redemptionSchema = new Schema<RedemptionDocument>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    channel: { type: String, required: true },
    status: { type: String, required: true },
    memberId: { type: String, required: true },
    rewardId: { type: String, required: true },
    rewardName: { type: String, required: true },
    rewardKind: { type: String, required: true },
    funding: { type: Schema.Types.Mixed, required: true },
    location: String,
    quantity: { type: Number, required: true },
    pointsPrice: { type: Number, required: true },
    points: { type: Number, required: true },
    parking: Schema.Types.Mixed,
    voucherCodes: [String],
    availableAfter: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    staffId: String,
    expiresAt: Date,
    collectedAt: Date,
    collectedBy: String,
    cancellation: Schema.Types.Mixed,
    failure: String,
    entryId: { type: String, required: true },
    cancelEntryId: String,
    step: String,
    stepAt: Date,
  },
  { collection: 'redemptions', versionKey: false },
);

// The code is what people quote: one redemption per code, whoever generated it at the same moment.
redemptionSchema.index({ code: 1 }, { unique: true });
// Limits per member and period; a member's list.
redemptionSchema.index({ memberId: 1, rewardId: 1, createdAt: 1 });
// A plate's parking hours of a day.
redemptionSchema.index({ 'parking.plate': 1, 'parking.day': 1 });
// The sweep: reservations due to expire, and redemptions a stopped process left half done.
redemptionSchema.index({ status: 1, expiresAt: 1 });
redemptionSchema.index({ step: 1 });
redemptionSchema.index({ createdAt: 1 });
