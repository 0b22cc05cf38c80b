import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';

/** Private to CarrierBlocksRepository. */
export const CARRIER_BLOCK_MODEL = 'CarrierBlock';
export const CARRIER_BLOCKS_COLLECTION = 'carrier_blocks';

/**
 * One phone the carrier blocked (or blocked once), keyed by the phone in E.164, with the
 * `sms.carrier-block-changed` events of its changes in its outbox: the state and its event are
 * one write.
 */
export interface CarrierBlockDocument {
  _id: string;
  blocked: boolean;
  changedAt: Date;
  /** The member the phone belonged to when last changed; absent for a number no member has. */
  memberId?: string;
  outbox: OutboxEntry[];
}

export const carrierBlockSchema = new Schema<CarrierBlockDocument>(
  {
    _id: { type: String, required: true },
    blocked: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
    memberId: String,
    outbox: outboxField,
  },
  { collection: CARRIER_BLOCKS_COLLECTION, versionKey: false },
);
