import type { SegmentRule } from './segment-rule.entity';

/** A saved segment: a named rule that selects members of the projection. */
export interface Segment {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Validated when saved (validateSegmentRule). */
  readonly rule: SegmentRule;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  /** Campaigns not finished yet that select with this segment: while any does, it cannot be deleted. */
  readonly usedBy: readonly string[];
}

/** What staff write of a segment. */
export interface SegmentContent {
  readonly name: string;
  readonly description?: string;
  readonly rule: SegmentRule;
}
