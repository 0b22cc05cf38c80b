import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';

/** The stored account, keyed by member id so a member can only ever have one. Private to AccountsRepository. */
export interface AccountDocument {
  _id: string;
  available: number;
  pending: number;
  lifetimeEarned: number;
  redeemed: number;
  expired: number;
  openedAt: Date;
  outbox: OutboxEntry[];
}

export const ACCOUNT_MODEL = 'PointsAccount';

export const accountSchema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    available: { type: Number, required: true },
    pending: { type: Number, required: true },
    lifetimeEarned: { type: Number, required: true },
    redeemed: { type: Number, required: true },
    expired: { type: Number, required: true },
    openedAt: { type: Date, required: true },
    outbox: outboxField,
  },
  { collection: 'accounts', versionKey: false },
);
