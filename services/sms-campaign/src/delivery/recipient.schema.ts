import { Schema } from 'mongoose';

/** Collection of every message delivery handles (private to RecipientsRepository). */
export const RECIPIENTS_COLLECTION = 'delivery_recipients';
export const RECIPIENT_MODEL = 'DeliveryRecipient';

export interface RecipientDocument {
  _id: string;
  kind: string;
  campaignId?: string;
  memberId?: string;
  /** Empty for a recipient excluded when the list was frozen (no message was made). */
  phone: string;
  language?: string;
  /** Empty for a recipient excluded when the list was frozen. */
  body: string;
  segments: number;
  status: string;
  exclusionReason?: string;
  notBefore: Date;
  deferredUntil?: Date;
  expiresAt?: Date;
  attemptAt?: Date;
  messageSid?: string;
  acceptedAt?: Date;
  statusCheckedAt?: Date;
  errorCode?: number;
  optOutCaused: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const recipientSchema = new Schema<RecipientDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    campaignId: String,
    memberId: String,
    phone: { type: String, default: '' },
    language: String,
    body: { type: String, default: '' },
    segments: { type: Number, required: true },
    status: { type: String, required: true },
    exclusionReason: String,
    notBefore: { type: Date, required: true },
    deferredUntil: Date,
    expiresAt: Date,
    attemptAt: Date,
    messageSid: String,
    acceptedAt: Date,
    statusCheckedAt: Date,
    errorCode: Number,
    optOutCaused: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: RECIPIENTS_COLLECTION, versionKey: false, autoIndex: false },
);

// A campaign's recipients, by status (results, pause, resume, cancel, "finished?"); a member's
// recipient in a campaign is found by _id (`<campaignId>:<memberId>`).
recipientSchema.index({ campaignId: 1, status: 1 });
// Status callbacks find their message by SID.
recipientSchema.index({ messageSid: 1 });
// Messages still without a final status, for the status check.
recipientSchema.index({ status: 1 });
// An opt-out is charged to the last campaign message the phone received.
recipientSchema.index({ phone: 1 });
