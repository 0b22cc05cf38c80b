import { Schema } from 'mongoose';
import type { StaffRole } from './staff-role';

/** The stored staff account; private to StaffRepository. */
export interface StaffDocument {
  /** The lower-case username: the database itself keeps usernames unique, whatever the case typed. */
  _id: string;
  displayName: string;
  roles: StaffRole[];
  active: boolean;
  passwordHash: string;
  createdAt: Date;
  updatedAt?: Date;
}

export const STAFF_MODEL = 'Staff';

export const staffSchema = new Schema<StaffDocument>(
  {
    _id: { type: String, required: true },
    displayName: { type: String, required: true },
    roles: { type: [String], required: true },
    active: { type: Boolean, required: true },
    passwordHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date },
  },
  { collection: 'staff', versionKey: false },
);
