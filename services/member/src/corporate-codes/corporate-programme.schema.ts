import { Schema } from 'mongoose';
import type { CorporateProgrammeStatus } from './corporate-programme.entity';

/** The stored copy of a programme; private to CorporateProgrammesRepository. */
export interface CorporateProgrammeDocument {
  /** The programme id. */
  _id: string;
  code: string;
  companyId: string;
  companyName: string;
  validFrom: Date;
  validUntil?: Date;
  status: CorporateProgrammeStatus;
  revision: number;
  changedAt: Date;
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
    changedAt: { type: Date, required: true },
  },
  { collection: 'corporate_programmes', versionKey: false },
);

// Registration finds a programme by its code; outreach keeps codes unique.
corporateProgrammeSchema.index({ code: 1 }, { unique: true });
