import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffActor } from '../campaigns/staff-actor';
import type { MemberProfile } from '../members/member-profile.entity';
import { MemberProfilesRepository } from '../members/member-profiles.repository';
import type { Segment } from './segment.entity';
import { segmentToFilter, type SegmentFilter } from './segment-filter';
import type { SegmentContext, SegmentRule } from './segment-rule.entity';
import { validateSegmentRule } from './segment-rule.validation';
import { InvalidSegmentRuleError, SegmentNotFoundError } from './segments.errors';
import { SegmentsRepository } from './segments.repository';

export const SEGMENT_SETTINGS = Symbol('SEGMENT_SETTINGS');

export interface SegmentSettings {
  /** The centre's zone: "current birthday month" is a month of its calendar. */
  readonly timeZone: string;
}

/** What staff send to save a segment; the rule is checked here, as it arrives. */
export interface SegmentInput {
  readonly name: string;
  readonly description?: string;
  readonly rule: unknown;
}

export interface SegmentPreview {
  /** Live members the rule selects now (before consent, STOP and the like: those apply when sending). */
  readonly count: number;
  readonly sample: readonly MemberProfile[];
  /** The instant relative rules ("no purchase for 90 days", "current month") were evaluated at. */
  readonly evaluatedAt: Date;
}

/**
 * Segments: rules validated as they arrive, translated to a filter the projection's database
 * runs (segment-filter), counted and sampled live.
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly profiles: MemberProfilesRepository,
    @Inject(SEGMENT_SETTINGS) private readonly settings: SegmentSettings,
  ) {}

  /** The rule, checked; InvalidSegmentRuleError naming every path at fault (`rule.all.2.field`). */
  checkedRule(input: unknown): SegmentRule {
    const validation = validateSegmentRule(input, 'rule');
    if (!validation.valid) throw new InvalidSegmentRuleError(validation.problems);
    return validation.rule;
  }

  /** The context relative rules are evaluated in at `now`. */
  contextAt(now: Date): SegmentContext {
    return { now, timeZone: this.settings.timeZone };
  }

  filterOf(rule: SegmentRule, now: Date): SegmentFilter {
    return segmentToFilter(rule, this.contextAt(now));
  }

  async preview(rule: unknown, sampleSize: number, now = new Date()): Promise<SegmentPreview> {
    const filter = this.filterOf(this.checkedRule(rule), now);
    // A limit of 0 means "no limit" to the database: no sample asked, none fetched.
    const [count, sample] = await Promise.all([this.profiles.count(filter), sampleSize > 0 ? this.profiles.find(filter, { limit: sampleSize }) : []]);
    return { count, sample, evaluatedAt: now };
  }

  async create(input: SegmentInput, actor: StaffActor): Promise<Segment> {
    const rule = this.checkedRule(input.rule);
    return this.segments.create(randomUUID(), content(input, rule), actor.username, new Date());
  }

  async list(): Promise<Segment[]> {
    return this.segments.list();
  }

  async get(segmentId: string): Promise<Segment> {
    const segment = await this.segments.findById(segmentId);
    if (!segment) throw new SegmentNotFoundError(segmentId);
    return segment;
  }

  /** How many live members the segment selects now. */
  async countNow(segment: Segment, now = new Date()): Promise<number> {
    return this.profiles.count(this.filterOf(segment.rule, now));
  }

  async update(segmentId: string, input: SegmentInput, actor: StaffActor): Promise<Segment> {
    const rule = this.checkedRule(input.rule);
    return this.segments.replaceContent(segmentId, content(input, rule), actor.username, new Date());
  }

  async delete(segmentId: string): Promise<void> {
    await this.segments.delete(segmentId);
  }

  /** A campaign selects with the segment from now on (it cannot be deleted until the campaign finishes). */
  async addUse(segmentId: string, campaignId: string): Promise<Segment> {
    return this.segments.addUse(segmentId, campaignId);
  }

  async removeUse(segmentId: string, campaignId: string): Promise<void> {
    await this.segments.removeUse(segmentId, campaignId);
  }
}

function content(input: SegmentInput, rule: SegmentRule): { name: string; description?: string; rule: SegmentRule } {
  const description = input.description?.trim();
  return { name: input.name.trim(), ...(description ? { description } : {}), rule };
}
