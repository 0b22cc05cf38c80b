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

/** Query that finds documents with events still to publish (a full scan on FerretDB). */
export const HAS_PENDING_OUTBOX = { 'outbox.0': { $exists: true } } as const;

/**
 * The marker of a document with events to publish, for collections too large to search with
 * HAS_PENDING_OUTBOX: a scalar FerretDB answers from an index (docs/adr/0004). A collection
 * watched with `{ marked: true }` declares `outboxPending: outboxPendingField` and an index on
 * it, and every write that adds outbox entries also sets it (`OUTBOX_PENDING_SET`); the relay
 * clears it when it has published everything.
 */
export const outboxPendingField = { type: Boolean };
export const OUTBOX_PENDING_SET = { outboxPending: true } as const;
export const HAS_PENDING_MARKER = { outboxPending: true } as const;
