import { Schema } from 'mongoose';

/** One code of a digital voucher's pool; private to VoucherCodesRepository. */
export interface VoucherCodeDocument {
  /** `<rewardId>|<code>`: a code is in a reward's pool once, however often it is uploaded. */
  _id: string;
  rewardId: string;
  code: string;
  uploadedAt: Date;
  uploadedBy: string;
  /** Order of upload, so codes are handed out first in, first out. */
  sequence: number;
  /** The redemption it was handed out to; absent while it is free. */
  redemptionId?: string;
  handedOutAt?: Date;
  /** Set when its redemption was cancelled: the member has seen the code, so it is never handed out again. */
  voidedAt?: Date;
}

export const VOUCHER_CODE_MODEL = 'VoucherCode';

export const voucherCodeSchema = new Schema<VoucherCodeDocument>(
  {
    _id: { type: String, required: true },
    rewardId: { type: String, required: true },
    code: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: String, required: true },
    sequence: { type: Number, required: true },
    redemptionId: String,
    handedOutAt: Date,
    voidedAt: Date,
  },
  { collection: 'voucher_codes', versionKey: false },
);

voucherCodeSchema.index({ rewardId: 1, redemptionId: 1, sequence: 1 });
voucherCodeSchema.index({ redemptionId: 1 });
