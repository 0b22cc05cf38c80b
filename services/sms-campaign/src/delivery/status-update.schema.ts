import { Schema } from 'mongoose';

/** Private to StatusUpdatesRepository. */
export const STATUS_UPDATE_MODEL = 'DeliveryStatusUpdate';

/**
 * One status Twilio reported for one message, keyed `<MessageSid>:<status>`: a repeated callback
 * is the same document, and a callback that arrives before the sender stored the SID waits here
 * until it has.
 */
export interface StatusUpdateDocument {
  _id: string;
  messageSid: string;
  status: string;
  errorCode?: number;
  receivedAt: Date;
}

export const statusUpdateSchema = new Schema<StatusUpdateDocument>(
  {
    _id: { type: String, required: true },
    messageSid: { type: String, required: true },
    status: { type: String, required: true },
    errorCode: Number,
    receivedAt: { type: Date, required: true },
  },
  { collection: 'delivery_status_updates', versionKey: false, autoIndex: false },
);

statusUpdateSchema.index({ messageSid: 1 });
