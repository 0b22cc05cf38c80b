import { Schema } from 'mongoose';
import { outboxField, outboxPendingField, type OutboxEntry } from '@atrium/messaging';

/** The stored account, keyed by member id so a member can only ever have one. Private to AccountsRepository. */
export interface AccountDocument {
  _id: string;
  /** Empty once the member was erased or merged away (see MemberFacts). */
  phone: string;
  cardNumbers: string[];
  /** Absent on accounts written before cards could retire: read as empty. */
  retiredCardNumbers?: string[];
  tier: string;
  frozen: boolean;
  erasedAt?: Date;
  mergedInto?: string;
  available: number;
  pending: number;
  lifetimeEarned: number;
  redeemed: number;
  expired: number;
  debt: number;
  /**
   * Ids of the latest ledger entries whose deltas are in the balances above. The update that
   * adds an entry's deltas also adds its id, in one atomic write, so a batch redelivered after
   * a crash can never add the same entry twice (there are no multi-document transactions).
   */
  appliedEntryIds: string[];
  /** Points earned per centre-local day ("2026-11-27"), for the rules' daily cap. */
  earnedByDay: Record<string, number>;
  openedAt: Date;
  /** When the member registered (member.registered); absent on accounts opened before it was kept. */
  registeredAt?: Date;
  outbox: OutboxEntry[];
  /** Set while the outbox holds entries (the relay searches by it; see outboxPendingField). */
  outboxPending?: boolean;
}

export const ACCOUNT_MODEL = 'PointsAccount';

export const accountSchema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    phone: { type: String, default: '' },
    cardNumbers: { type: [String], default: [] },
    retiredCardNumbers: { type: [String], default: undefined },
    tier: { type: String, default: '' },
    frozen: { type: Boolean, default: false },
    erasedAt: { type: Date },
    mergedInto: { type: String },
    available: { type: Number, required: true },
    pending: { type: Number, required: true },
    lifetimeEarned: { type: Number, required: true },
    redeemed: { type: Number, required: true },
    expired: { type: Number, required: true },
    debt: { type: Number, required: true },
    appliedEntryIds: { type: [String], default: [] },
    earnedByDay: { type: Schema.Types.Mixed, default: {} },
    openedAt: { type: Date, required: true },
    registeredAt: { type: Date },
    outbox: outboxField,
    outboxPending: outboxPendingField,
  },
  { collection: 'accounts', versionKey: false, minimize: false },
);

// A sale names the member by card or phone; a retired card is found to say why it does not earn.
accountSchema.index({ phone: 1 });
accountSchema.index({ cardNumbers: 1 });
accountSchema.index({ retiredCardNumbers: 1 });
// The outbox relay finds accounts with events to publish by their marker.
accountSchema.index({ outboxPending: 1 });
