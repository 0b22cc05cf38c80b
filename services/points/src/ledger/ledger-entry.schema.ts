import { Schema } from 'mongoose';
import type { DueDays } from './due-days';
import type { LedgerEntry } from './ledger-entry.entity';

/** The stored entry; private to LedgerRepository. Entries are inserted, never updated. */
/** `maturesOn` and `expiresOn` are the settlement's due days (due-days.ts), written with the entry. */
export type LedgerEntryDocument = Omit<LedgerEntry, 'id'> & { _id: string } & DueDays;

export const LEDGER_ENTRY_MODEL = 'LedgerEntry';

export const ledgerEntrySchema = new Schema<LedgerEntryDocument>(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    kind: { type: String, required: true },
    deltas: { type: Schema.Types.Mixed, required: true },
    cause: { type: Schema.Types.Mixed, required: true },
    ruleVersion: Number,
    factors: Schema.Types.Mixed,
    occurredAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    maturesAt: Date,
    flag: String,
    applied: Boolean,
    maturesOn: { type: [String], default: undefined },
    expiresOn: { type: [String], default: undefined },
  },
  { collection: 'ledger_entries', versionKey: false },
);

// A member's statement and balance check read by member; refunds find their sale by receipt.
ledgerEntrySchema.index({ memberId: 1, occurredAt: 1 });
ledgerEntrySchema.index({ 'cause.tenantId': 1, 'cause.receiptNumber': 1 });
// The daily settlement finds what is due on a day by equality on these (each gets its GIN twin, ADR 0004).
ledgerEntrySchema.index({ maturesOn: 1 });
ledgerEntrySchema.index({ expiresOn: 1 });
