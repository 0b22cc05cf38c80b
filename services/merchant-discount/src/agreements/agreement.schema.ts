import { Schema } from 'mongoose';
import type { AgreementStatus, AgreementTerms, AgreementTermination, CalendarDay, TenantSignOff } from './agreement.entity';
import type { VersionStatus } from './agreement.record';

/** The stored agreement; private to AgreementsRepository. */
export interface AgreementDocument {
  _id: string;
  tenantId: string;
  versions: {
    number: number;
    terms: AgreementTerms;
    status: VersionStatus;
    author: string;
    approver?: string;
    returnComment?: string;
    signOff?: TenantSignOff;
    createdAt: Date;
    updatedAt: Date;
  }[];
  termination?: AgreementTermination;
  /** Derived from the versions on every write, for the lists and the overlap check to query. */
  status: AgreementStatus;
  inForceFrom?: CalendarDay;
  inForceUntil?: CalendarDay;
  createdAt: Date;
  updatedAt: Date;
}

export const AGREEMENT_MODEL = 'Agreement';

const versionSchema = new Schema(
  {
    number: { type: Number, required: true },
    terms: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    author: { type: String, required: true },
    approver: String,
    returnComment: String,
    signOff: Schema.Types.Mixed,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { _id: false, minimize: false },
);

export const agreementSchema = new Schema<AgreementDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    versions: { type: [versionSchema], required: true },
    termination: Schema.Types.Mixed,
    status: { type: String, required: true },
    inForceFrom: String,
    inForceUntil: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'agreements', versionKey: false, minimize: false },
);

// A tenant's agreements (the list filter, the overlap check); those in force on a day.
agreementSchema.index({ tenantId: 1, _id: 1 });
agreementSchema.index({ inForceFrom: 1, inForceUntil: 1 });
