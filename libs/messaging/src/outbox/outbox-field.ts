import { Schema } from 'mongoose';

/**
 * The `outbox` array to add to any mongoose schema whose changes publish events:
 * `new Schema({ ...fields, outbox: outboxField })`. The relay publishes and removes entries.
 */
const outboxEntrySchema = new Schema(
  {
    eventId: { type: String, required: true },
    topic: { type: String, required: true },
    type: { type: String, required: true },
    key: { type: String, required: true },
    value: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

export const outboxField = { type: [outboxEntrySchema], default: [] };

/** Query that finds documents with events still to publish. */
export const HAS_PENDING_OUTBOX = { 'outbox.0': { $exists: true } } as const;
