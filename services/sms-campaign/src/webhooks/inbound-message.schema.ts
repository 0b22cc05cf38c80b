import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';

/** Private to InboundMessagesRepository. */
export const INBOUND_MESSAGE_MODEL = 'InboundMessage';

/**
 * One inbound SMS, keyed by Twilio's MessageSid: the same message delivered twice is one
 * document, and the event it announces (opt-out, opt-in) sits in its outbox, so it is
 * published once per message whatever Twilio repeats. The body is not kept (personal data):
 * only what it asked for and the keyword of an opt-out or opt-in.
 */
export interface InboundMessageDocument {
  _id: string;
  from: string;
  to: string;
  intent: string;
  keyword?: string;
  memberId?: string;
  /** The campaign charged with an opt-out (its last message to this phone). */
  campaignId?: string;
  receivedAt: Date;
  outbox: OutboxEntry[];
}

export const inboundMessageSchema = new Schema<InboundMessageDocument>(
  {
    _id: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    intent: { type: String, required: true },
    keyword: String,
    memberId: String,
    campaignId: String,
    receivedAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { collection: 'inbound_messages', versionKey: false, autoIndex: false },
);

inboundMessageSchema.index({ from: 1, receivedAt: -1 });
