import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { deterministicUuid } from '../jobs/deterministic-uuid';
import { MemberNotActiveError } from '../members/member.errors';
import { MembersRepository, type ReviewCandidate } from '../members/members.repository';
import type { StaffActor } from '@atrium/staff-identity';
import { startOfMonth, windowEndingAt, yearOf, type SpendWindow } from './spend-window';
import type { ReviewCounts, ReviewOutcome, TierReviewRun } from './tier-review-run.entity';
import { ReviewAsOfInFutureError } from './tier.errors';
import { TierReviewRunsRepository } from './tier-review-runs.repository';
import { reviewDecision, rankOf } from './tier-rules';
import { TierSettings } from './tier-settings';
import { TiersService } from './tiers.service';

/** Members read per page while a run walks through them. */
const PAGE = 50;
/** A run saves how far it got after this many members (and after each page). */
const SAVE_EVERY = 10;
/** How far in the future `asOf` may be (clocks differ a little). */
const ASOF_SKEW_MS = 60_000;

/**
 * The yearly tier review (會員等級年審): members below their tier's keep threshold go down one
 * level. A year is applied to a member once: the review is written into the member's document
 * with the change it made, and a member reviewed for that year already is left alone, whichever
 * run did it. So a run can be repeated, resumed after a crash, or run twice at once without
 * taking anyone down twice.
 */
@Injectable()
export class TierReviewService {
  private readonly log: Logger;

  constructor(
    private readonly runs: TierReviewRunsRepository,
    private readonly members: MembersRepository,
    private readonly tiers: TiersService,
    private readonly settings: TierSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'tier-review' });
  }

  /** A run staff asked for, reviewing the year of `asOf` with the 12 months ending in its month. */
  async request(asOf: Date, actor: StaffActor, now = new Date()): Promise<TierReviewRun> {
    if (asOf.getTime() > now.getTime() + ASOF_SKEW_MS) throw new ReviewAsOfInFutureError();
    return this.runs.create({ id: randomUUID(), year: yearOf(asOf, this.settings.timeZone), asOf, trigger: 'staff', requestedBy: actor.staffId, createdAt: now });
  }

  /**
   * The run the schedule starts: it reviews up to the end of the month before `now` (with the
   * default schedule, 1 January: the year that just ended). Its id comes from that instant, so
   * the schedule firing twice makes one run.
   */
  async scheduled(now = new Date()): Promise<TierReviewRun> {
    const asOf = new Date(startOfMonth(now, this.settings.timeZone).getTime() - 1);
    const id = deterministicUuid(`tier-review:schedule:${asOf.toISOString()}`);
    return this.runs.create({ id, year: yearOf(asOf, this.settings.timeZone), asOf, trigger: 'schedule', requestedBy: 'scheduler', createdAt: now });
  }

  find(id: string): Promise<TierReviewRun | undefined> {
    return this.runs.find(id);
  }

  list(limit: number): Promise<TierReviewRun[]> {
    return this.runs.list(limit);
  }

  unfinished(): Promise<TierReviewRun[]> {
    return this.runs.unfinished();
  }

  /** Runs (or resumes) a run to its end; `onProgress` hears how far it got. */
  async run(runId: string, onProgress: (processed: number, total: number) => Promise<void>): Promise<void> {
    const run = await this.runs.find(runId);
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    let total = run.total;
    if (run.status === 'queued') {
      total = await this.members.countRegisteredBefore(run.createdAt);
      await this.runs.start(run.id, total, new Date());
    } else {
      this.log.info({ runId, processed: run.processed, total }, 'resuming a tier review');
    }
    const window = windowEndingAt(run.asOf, this.settings.timeZone);
    let counts: ReviewCounts = run.counts;
    let processed = run.processed;
    let cursor = run.cursor ?? '';
    for (;;) {
      const page = await this.members.reviewCandidates(cursor, run.createdAt, PAGE);
      if (page.length === 0) break;
      for (const candidate of page) {
        const outcome = await this.review(run, candidate, window);
        counts = { ...counts, [outcome]: counts[outcome] + 1 };
        processed++;
        cursor = candidate.id;
        if (processed % SAVE_EVERY === 0) await this.save(run.id, processed, counts, cursor, total, onProgress);
      }
      await this.save(run.id, processed, counts, cursor, total, onProgress);
    }
    await this.runs.complete(run.id, new Date());
    this.log.info({ runId, year: run.year, processed, ...counts }, 'tier review completed');
  }

  async fail(runId: string, reason: string): Promise<void> {
    await this.runs.fail(runId, reason, new Date());
  }

  private async save(runId: string, processed: number, counts: ReviewCounts, cursor: string, total: number, onProgress: (processed: number, total: number) => Promise<void>): Promise<void> {
    await this.runs.saveProgress(runId, { processed, counts, cursor });
    await onProgress(processed, total);
  }

  /** Reviews one member for the run's year, once: a review found in their document is reported as it was. */
  private async review(run: TierReviewRun, candidate: ReviewCandidate, window: SpendWindow): Promise<ReviewOutcome> {
    if (candidate.status !== 'active') return 'closed';
    // The lowest tier has nowhere to go: nothing to write.
    if (rankOf(this.settings.tiers, candidate.tier) === 0) return 'kept';
    // The spend is read before the member's lock is taken (a sale counted in between changes
    // the spend by one sale; the review is of the year, not of that instant).
    const spent = await this.tiers.rollingSpendOf({ id: candidate.id, mergedFrom: candidate.mergedFrom }, window);
    let outcome: ReviewOutcome = 'kept';
    try {
      await this.members.change(candidate.id, ({ member: current, tierReviews }) => {
        const earlier = tierReviews.find((review) => review.year === run.year);
        if (earlier) {
          outcome = earlier.runId !== run.id ? 'alreadyReviewed' : earlier.from !== earlier.to ? 'downgraded' : 'kept';
          return undefined;
        }
        const at = new Date();
        const decision = reviewDecision(this.settings.tiers, current.tier, spent);
        const tierReview = { year: run.year, runId: run.id, at, from: decision.from.code, to: decision.to.code, rollingSpendMinor: spent };
        outcome = decision.downgraded ? 'downgraded' : 'kept';
        if (!decision.downgraded) return { member: current, tierReview, events: [] };
        return { ...this.tiers.tierChange(current, decision.to, { reason: 'yearly-review', at, rollingSpendMinor: spent, runId: run.id, reviewYear: run.year }), tierReview };
      });
    } catch (error) {
      if (error instanceof MemberNotActiveError) return 'closed';
      throw error;
    }
    return outcome;
  }
}

