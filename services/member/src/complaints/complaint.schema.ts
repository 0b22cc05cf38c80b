import { Schema } from 'mongoose';
import type { ComplaintCategory, ComplaintChannel, ComplaintEvent, ComplaintKind, ComplaintStatus } from './complaint.entity';

/** The stored complaint; private to ComplaintsRepository. */
export interface ComplaintDocument {
  _id: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  channel: ComplaintChannel;
  memberId?: string;
  description: string;
  status: ComplaintStatus;
  assignee?: string;
  resolution?: string;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  timeToResolveSeconds?: number;
  history: ComplaintEvent[];
}

export const COMPLAINT_MODEL = 'Complaint';

const historySchema = new Schema<ComplaintEvent>(
  { at: { type: Date, required: true }, by: { type: String, required: true }, action: { type: String, required: true }, from: String, to: String },
  { _id: false },
);

export const complaintSchema = new Schema<ComplaintDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    category: { type: String, required: true },
    channel: { type: String, required: true },
    memberId: { type: String },
    description: { type: String, required: true },
    status: { type: String, required: true },
    assignee: { type: String },
    resolution: { type: String },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    resolvedAt: { type: Date },
    closedAt: { type: Date },
    timeToResolveSeconds: { type: Number },
    history: { type: [historySchema], default: [] },
  },
  { collection: 'complaints', versionKey: false },
);

// The lists staff filter by, newest first.
complaintSchema.index({ createdAt: -1, _id: -1 });
complaintSchema.index({ status: 1, createdAt: -1 });
complaintSchema.index({ assignee: 1, createdAt: -1 });
complaintSchema.index({ category: 1, createdAt: -1 });
complaintSchema.index({ memberId: 1, createdAt: -1 });
