import { Schema } from 'mongoose';
import type { Reward } from './reward.entity';

/** The stored reward; private to RewardsRepository. */
export type RewardDocument = Omit<Reward, 'id'> & { _id: string };

export const REWARD_MODEL = 'Reward';

export const rewardSchema = new Schema<RewardDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    name: { type: String, required: true },
    description: String,
    pointsPrice: { type: Number, required: true },
    availableFrom: Date,
    availableUntil: Date,
    tiers: { type: [String], default: [] },
    limit: Schema.Types.Mixed,
    funding: { type: Schema.Types.Mixed, required: true },
    maxHoursPerDay: Number,
    status: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'rewards', versionKey: false },
);

rewardSchema.index({ status: 1, kind: 1 });
