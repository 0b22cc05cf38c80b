import { Schema } from 'mongoose';
import type { Receipt } from './receipt.entity';

/** The stored receipt; private to ReceiptsRepository. */
export type ReceiptDocument = Omit<Receipt, 'id'> & {
  _id: string;
  /** Tenant, receipt number, centre-local day and amount (receipt-rules.ts): unique, so a duplicate cannot be stored. */
  duplicateKey: string;
  /** The member's place for this tenant and day (receipt-rules.ts): unique, so the daily limit holds under concurrency. */
  dailySlot: string;
};

export const RECEIPT_MODEL = 'Receipt';

export const receiptSchema = new Schema<ReceiptDocument>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    tenantId: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    purchasedAt: { type: Date, required: true },
    amountMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    photo: { type: String, required: true },
    submittedBy: { type: Schema.Types.Mixed, required: true },
    submittedAt: { type: Date, required: true },
    status: { type: String, required: true },
    approval: Schema.Types.Mixed,
    rejection: Schema.Types.Mixed,
    duplicateKey: { type: String, required: true },
    dailySlot: { type: String, required: true },
  },
  { collection: 'receipts', versionKey: false },
);

receiptSchema.index({ duplicateKey: 1 }, { unique: true });
receiptSchema.index({ dailySlot: 1 }, { unique: true });
// Staff lists by status or member; a till's sale finds the pending receipt of the same receipt.
receiptSchema.index({ status: 1, submittedAt: 1 });
receiptSchema.index({ memberId: 1, submittedAt: 1 });
receiptSchema.index({ tenantId: 1, receiptNumber: 1 });
