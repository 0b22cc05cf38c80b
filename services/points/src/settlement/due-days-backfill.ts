import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '@atrium/observability';
import { AccountsRepository } from '../accounts/accounts.repository';
import { LedgerRepository, type UndatedEntry } from '../ledger/ledger.repository';
import { DueDaysBackfillRepository, type DueDaysBackfillProgress } from './due-days-backfill.repository';

/** Members dated together (read in parallel, one bulk write); the pass saves how far it got after each group. */
const GROUP = 8;
/** How often the pass logs its progress. */
const LOG_EVERY_MS = 10_000;
/** How long the pass waits for the `applied` marks of the undated entries it met unmarked, and how often it looks. */
const AWAIT_APPLIED_TRIES = 30;
const AWAIT_APPLIED_PAUSE_MS = 1_000;
/** A pass that failed (the database away) starts again after this, from its saved progress. */
const RETRY_AFTER_MS = 30_000;

/**
 * Dates the entries written before entries carried their due days (`maturesOn`, `expiresOn`,
 * due-days.ts), so that the daily settlement can settle only the members with something due.
 * Started with every points process, in the background: it goes through the accounts the
 * daily settlement settles (points pending or available) in member id order, in groups, writing
 * the due days of each member's undated entries, and saves how far it got after each group, so a
 * stopped process resumes after the last saved member (a group done again writes the same days).
 * Until it has completed, every daily run goes through every account (DailySettlementService).
 *
 * An entry's `applied` mark is the one other write to a stored entry, and FerretDB loses one
 * of two concurrent updates of a document: an entry met without its mark (its writer may be
 * about to write it) is dated only once the mark is there; the pass completes when none is left.
 * Two processes' passes write the same values and never the mark, so they need no lock.
 */
@Injectable()
export class DueDaysBackfill implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log: Logger;
  private completed = false;
  private stopping = false;
  private pass?: Promise<void>;

  constructor(
    private readonly states: DueDaysBackfillRepository,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'due-days-backfill' });
  }

  onApplicationBootstrap(): void {
    this.pass = this.runUntilCompleted();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.pass;
  }

  /** Whether every entry carries its due days (asked by each daily run as it starts). */
  async isCompleted(): Promise<boolean> {
    if (!this.completed) this.completed = (await this.states.find())?.status === 'completed';
    return this.completed;
  }

  private async runUntilCompleted(): Promise<void> {
    while (!this.stopping && !(await this.isCompletedOrUnreachable())) {
      try {
        await this.runPass();
      } catch (error) {
        this.log.warn({ err: error }, 'due-days backfill stopped; it resumes from its saved progress');
        await this.pause(RETRY_AFTER_MS);
      }
    }
  }

  private async isCompletedOrUnreachable(): Promise<boolean> {
    try {
      return await this.isCompleted();
    } catch (error) {
      this.log.warn({ err: error }, 'could not read the due-days backfill state');
      await this.pause(RETRY_AFTER_MS);
      return false;
    }
  }

  /** One pass from the saved progress: the members after the cursor, then the entries awaiting their mark. */
  async runPass(): Promise<void> {
    const state = await this.states.startOrResume(new Date());
    if (state.status === 'completed') return;
    const progress: DueDaysBackfillProgress = { cursor: state.cursor, membersRead: state.membersRead, entriesDated: state.entriesDated, awaitingApplied: [...state.awaitingApplied] };
    if (state.cursor === '' && state.membersRead === 0) this.log.info('due-days backfill started');
    else this.log.info({ ...progress, awaitingApplied: progress.awaitingApplied.length }, 'due-days backfill resuming');
    let loggedAt = Date.now();
    let group: string[] = [];
    const dateGroup = async () => {
      const undated = (await Promise.all(group.map((memberId) => this.ledger.undatedOf(memberId)))).flat();
      this.note(progress, undated);
      await this.ledger.setDueDays(undated.filter((entry) => entry.applied));
      progress.membersRead += group.length;
      progress.cursor = group[group.length - 1];
      await this.states.saveProgress(progress, new Date());
      group = [];
      if (Date.now() - loggedAt >= LOG_EVERY_MS) {
        loggedAt = Date.now();
        this.log.info({ ...progress, awaitingApplied: progress.awaitingApplied.length }, 'due-days backfill progress');
      }
    };
    for await (const memberId of this.accounts.streamForSettlement(progress.cursor)) {
      if (this.stopping) return;
      group.push(memberId);
      if (group.length === GROUP) await dateGroup();
    }
    if (group.length > 0) await dateGroup();
    for (let tries = 0; progress.awaitingApplied.length > 0 && tries < AWAIT_APPLIED_TRIES && !this.stopping; tries++) {
      const undated = await this.ledger.undatedAmong(progress.awaitingApplied);
      progress.awaitingApplied = [];
      this.note(progress, undated);
      await this.ledger.setDueDays(undated.filter((entry) => entry.applied));
      await this.states.saveProgress(progress, new Date());
      if (progress.awaitingApplied.length > 0) await this.pause(AWAIT_APPLIED_PAUSE_MS);
    }
    if (progress.awaitingApplied.length > 0) {
      // Left running: daily runs stay full until a later pass (the next start) dates these.
      if (!this.stopping) this.log.warn({ awaitingApplied: progress.awaitingApplied }, 'due-days backfill: entries still without their applied mark; daily runs go through every account until they have it');
      this.stopping = true;
      return;
    }
    await this.states.complete(progress, new Date());
    this.completed = true;
    this.log.info({ membersRead: progress.membersRead, entriesDated: progress.entriesDated }, 'due-days backfill completed');
  }

  /** Counts the entries about to be dated and sets aside those without their mark. */
  private note(progress: DueDaysBackfillProgress, undated: readonly UndatedEntry[]): void {
    const waiting = undated.filter((entry) => !entry.applied).map((entry) => entry.id);
    progress.entriesDated += undated.length - waiting.length;
    progress.awaitingApplied = [...new Set([...progress.awaitingApplied, ...waiting])];
  }

  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) await sleep(Math.min(250, until - Date.now()));
  }
}
