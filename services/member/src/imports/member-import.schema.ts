import { Schema } from 'mongoose';
import type { ImportColumn, ImportRowValues, RowProblem } from './import-file';
import type { ImportStatus, RowOutcome } from './member-import.entity';

/** A stored import; private to ImportsRepository. */
export interface MemberImportDocument {
  _id: string;
  status: ImportStatus;
  columns: ImportColumn[];
  totalRows: number;
  /** Absent on imports stored before the option existed: no welcome. */
  sendWelcome?: boolean;
  requestedBy: string;
  requestedByRoles: string[];
  createdAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
  failure?: string;
}

/** One row of an import; private to ImportsRepository. */
export interface ImportRowDocument {
  /** `${importId}:${row}`. */
  _id: string;
  importId: string;
  row: number;
  values?: ImportRowValues;
  extraFields: number;
  outcome?: RowOutcome;
  memberId?: string;
  problems?: RowProblem[];
}

export const MEMBER_IMPORT_MODEL = 'MemberImport';
export const IMPORT_ROW_MODEL = 'MemberImportRow';

export const memberImportSchema = new Schema<MemberImportDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    columns: { type: [String], default: undefined },
    totalRows: { type: Number, required: true },
    sendWelcome: Boolean,
    requestedBy: { type: String, required: true },
    requestedByRoles: { type: [String], default: undefined },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date },
    finishedAt: { type: Date },
    failure: { type: String },
  },
  { collection: 'member_imports', versionKey: false },
);
memberImportSchema.index({ createdAt: -1 });
memberImportSchema.index({ status: 1 });

export const importRowSchema = new Schema<ImportRowDocument>(
  {
    _id: { type: String, required: true },
    importId: { type: String, required: true },
    row: { type: Number, required: true },
    values: { type: Schema.Types.Mixed },
    extraFields: { type: Number, default: 0 },
    outcome: { type: String },
    memberId: { type: String },
    problems: { type: [{ _id: false, column: String, message: String }], default: undefined },
  },
  { collection: 'member_import_rows', versionKey: false },
);
importRowSchema.index({ importId: 1, row: 1 });
importRowSchema.index({ importId: 1, outcome: 1 });
