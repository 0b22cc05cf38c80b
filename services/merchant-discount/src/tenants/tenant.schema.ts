import { Schema } from 'mongoose';
import { outboxField, type OutboxEntry } from '@atrium/messaging';
import type { OpeningHours, StatusDates, TenantCategory, TenantContact, TenantStatus } from './tenant.entity';

/** The stored tenant with the events announcing its changes; private to TenantsRepository. */
export interface TenantDocument {
  _id: string;
  brand: string;
  legalName: string;
  unitNumber: string;
  floor: string;
  zone?: string;
  category: TenantCategory;
  contacts: TenantContact[];
  openingHours: OpeningHours[];
  status: TenantStatus;
  statusDates: StatusDates;
  revision: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  outbox: OutboxEntry[];
}

export const TENANT_MODEL = 'Tenant';

export const tenantSchema = new Schema<TenantDocument>(
  {
    _id: { type: String, required: true },
    brand: { type: String, required: true },
    legalName: { type: String, required: true },
    unitNumber: { type: String, required: true },
    floor: { type: String, required: true },
    zone: { type: String },
    category: { type: String, required: true },
    contacts: { type: [{ _id: false, name: String, role: String, phone: String, email: String }], default: [] },
    openingHours: { type: [{ _id: false, days: [String], opens: String, closes: String }], default: [] },
    status: { type: String, required: true },
    statusDates: { type: new Schema({ fittingOutFrom: String, openedOn: String, closingFrom: String, closedOn: String }, { _id: false }), default: {} },
    revision: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    outbox: outboxField,
  },
  { collection: 'tenants', versionKey: false, minimize: false },
);

// Who holds a unit (checked under the unit's lock before a tenant takes it); the lists by id.
tenantSchema.index({ unitNumber: 1 });
tenantSchema.index({ category: 1, _id: 1 });
tenantSchema.index({ floor: 1, _id: 1 });
tenantSchema.index({ status: 1, _id: 1 });
