import { Schema } from 'mongoose';

/** The stored company; private to CompaniesRepository. */
export interface CompanyDocument {
  _id: string;
  name: string;
  /** Lower-cased name: the list's order, whatever the case staff typed. */
  nameKey: string;
  building: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  createdAt: Date;
  createdBy: string;
}

export const COMPANY_MODEL = 'Company';

export const companySchema = new Schema<CompanyDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    building: { type: String, required: true },
    address: { type: String },
    contactName: { type: String },
    contactPhone: { type: String },
    contactEmail: { type: String },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'companies', versionKey: false },
);

// The list, by name; the filter by building.
companySchema.index({ nameKey: 1, _id: 1 });
companySchema.index({ building: 1, nameKey: 1 });
