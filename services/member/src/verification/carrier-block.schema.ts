import { Schema } from 'mongoose';

/** A phone's carrier block as last reported, keyed by the phone (E.164); private to CarrierBlocksRepository. */
export interface CarrierBlockDocument {
  _id: string;
  blocked: boolean;
  changedAt: Date;
}

export const CARRIER_BLOCK_MODEL = 'CarrierBlock';

export const carrierBlockSchema = new Schema<CarrierBlockDocument>(
  {
    _id: { type: String, required: true },
    blocked: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
  },
  { collection: 'carrier_blocks', versionKey: false },
);
