import { Schema } from 'mongoose';
import type { StockAdjustment } from './reward.entity';

/** A gift's stock at one desk; private to RewardStockRepository. */
export interface StockDocument {
  /** `<rewardId>|<location>`. */
  _id: string;
  rewardId: string;
  location: string;
  quantity: number;
  /**
   * Redemption operations whose change is in `quantity` (`take:<redemptionId>`,
   * `return:<redemptionId>`, `undo:<redemptionId>`): the update that changes the quantity adds
   * the operation in the same write, so an interrupted redemption finished at start-up can
   * tell whether its stock was taken and never takes or gives it twice. Dropped once the
   * redemption records its outcome.
   */
  appliedOps: string[];
  /** Every staff change of this stock with its reason: written by the same update as the change. */
  adjustments: StockAdjustment[];
  updatedAt: Date;
}

export const STOCK_MODEL = 'RewardStock';

export const stockSchema = new Schema<StockDocument>(
  {
    _id: { type: String, required: true },
    rewardId: { type: String, required: true },
    location: { type: String, required: true },
    quantity: { type: Number, required: true },
    appliedOps: { type: [String], default: [] },
    adjustments: { type: Schema.Types.Mixed, default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'reward_stock', versionKey: false },
);

stockSchema.index({ rewardId: 1 });
stockSchema.index({ location: 1 });
