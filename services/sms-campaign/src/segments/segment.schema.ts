import { Schema } from 'mongoose';
import type { SegmentRule } from './segment-rule.entity';

export const SEGMENT_MODEL = 'Segment';

/** A stored segment. Private to SegmentsRepository. */
export interface SegmentDocument {
  _id: string;
  name: string;
  description?: string;
  /** The rule as validated, JSON (instants as ISO texts, as staff wrote them). */
  rule: SegmentRule;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  usedBy: string[];
}

export const segmentSchema = new Schema<SegmentDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    description: String,
    rule: { type: Schema.Types.Mixed, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    usedBy: { type: [String], default: undefined },
  },
  { collection: 'segments', versionKey: false, minimize: false },
);

// Staff pick segments by name: two with one name would be one too many.
segmentSchema.index({ name: 1 }, { unique: true });
