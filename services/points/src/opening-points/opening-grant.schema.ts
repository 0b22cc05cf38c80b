import { Schema } from 'mongoose';
import type { OpeningGrant } from './opening-grant.entity';

/** The stored grant; private to OpeningGrantsRepository. */
export type OpeningGrantDocument = Omit<OpeningGrant, 'grantId'> & {
  _id: string;
  /** False until the grant's entry is in the account's balances (a grant waiting for its account stays false). */
  applied: boolean;
};

export const OPENING_GRANT_MODEL = 'OpeningGrant';

export const openingGrantSchema = new Schema<OpeningGrantDocument>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    importId: { type: String, required: true },
    points: { type: Number, required: true },
    grantedAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    appliedAt: Date,
    applied: { type: Boolean, required: true },
  },
  { collection: 'opening_point_grants', versionKey: false },
);

// A member's waiting grants are looked up by equality on memberId when the account opens.
openingGrantSchema.index({ memberId: 1 });
