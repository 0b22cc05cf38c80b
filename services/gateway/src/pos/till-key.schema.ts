import { Schema } from 'mongoose';

/** A till's API key as stored: never the secret, only its SHA-256 hash. Private to TillKeysRepository. */
export interface TillKeyDocument {
  /** The key id, the part of the key before its secret. */
  _id: string;
  tenantId: string;
  label: string;
  secretHash: string;
  createdBy: string;
  createdAt: Date;
  revokedAt?: Date;
  revokedBy?: string;
}

export const TILL_KEY_MODEL = 'TillKey';

export const tillKeySchema = new Schema<TillKeyDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    label: { type: String, required: true },
    secretHash: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date },
    revokedBy: { type: String },
  },
  { collection: 'till_keys', versionKey: false },
);
tillKeySchema.index({ tenantId: 1, createdAt: -1 });
