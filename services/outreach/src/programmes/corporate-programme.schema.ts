import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';
import type { ProgrammeStatus } from './corporate-programme.entity';

/** The stored programme with the events announcing its changes; private to CorporateProgrammesRepository. */
export interface CorporateProgrammeDocument {
  _id: string;
  code: string;
  companyId: string;
  companyName: string;
  validFrom: Date;
  validUntil?: Date;
  status: ProgrammeStatus;
  revision: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  outbox: OutboxEntry[];
}

export const CORPORATE_PROGRAMME_MODEL = 'CorporateProgramme';

export const corporateProgrammeSchema = new Schema<CorporateProgrammeDocument>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    companyId: { type: String, required: true },
    companyName: { type: String, required: true },
    validFrom: { type: Date, required: true },
    validUntil: { type: Date },
    status: { type: String, required: true },
    revision: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    outbox: outboxField,
  },
  { collection: 'corporate_programmes', versionKey: false },
);

// One programme per code, decided by the database so two staff cannot race past it.
corporateProgrammeSchema.index({ code: 1 }, { unique: true });
// A company's programmes, newest first; the list by status.
corporateProgrammeSchema.index({ companyId: 1, createdAt: -1 });
corporateProgrammeSchema.index({ status: 1, createdAt: -1 });
corporateProgrammeSchema.index({ createdAt: -1, _id: -1 });
