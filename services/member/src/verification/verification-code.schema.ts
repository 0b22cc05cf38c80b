import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';
import type { VerificationPurpose } from './verification.entity';

/** A stored code; private to VerificationCodesRepository. */
export interface VerificationCodeDocument {
  _id: string;
  phone: string;
  purpose: VerificationPurpose;
  codeHash: string;
  memberId?: string;
  issuedAt: Date;
  expiresAt: Date;
  outbox: OutboxEntry[];
}

export const VERIFICATION_CODE_MODEL = 'VerificationCode';

export const verificationCodeSchema = new Schema<VerificationCodeDocument>(
  {
    _id: { type: String, required: true },
    phone: { type: String, required: true },
    purpose: { type: String, required: true },
    codeHash: { type: String, required: true },
    memberId: { type: String },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { collection: 'verification_codes', versionKey: false },
);

// The newest code of a phone for a purpose is the only one that counts.
verificationCodeSchema.index({ phone: 1, purpose: 1, issuedAt: -1 });
