import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentLocks } from '@atrium/document-locks';
import { LOGGER, type Logger } from '@atrium/observability';
import { AccountsRepository, type PostingItem } from '../accounts/accounts.repository';
import { addDays, dayOf, parseDayKey } from '../expiry/centre-calendar';
import { expiryReminderId } from '../expiry/expiry-reminder.entity';
import { ExpiryEvents } from '../expiry/expiry-events';
import { ExpiryRemindersRepository } from '../expiry/expiry-reminders.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import type { DailyRun, DailyRunCounts } from './daily-run.entity';
import { DailyRunsRepository } from './daily-runs.repository';
import { planDailySettlement, type DailyPlan } from './daily-settlement-plan';
import { deterministicUuid } from './deterministic-uuid';
import { DailyRunInProgressError, SettlementDayInvalidError, SettlementDayNotEndedError } from './settlement.errors';
import { SETTLEMENT_SETTINGS, type SettlementSettings } from './settlement-settings';
import { SettlementEvents } from './settlement-events';

/** Members settled at the same time; the run saves how far it got after each group. */
const PARALLEL = 8;
/** The day lock's collection name for DocumentLocks (no such collection: the lock is the point). */
const DAY_LOCK = 'daily_settlement_days';

/**
 * The daily settlement (日結): each run settles a centre-local day that has ended. For each
 * account with points pending or available it matures the sales whose return window is over,
 * expires points past their expiry date oldest first, and reminds members of points expiring
 * soon (planDailySettlement). Every entry's id comes from its cause and every reminder's from
 * its member and date, so a run repeated, resumed after a crash, or of a day settled before,
 * writes nothing twice. One run per day at a time (the day's lock, held while a run of the day
 * is queued or running).
 */
@Injectable()
export class DailySettlementService {
  private readonly log: Logger;

  constructor(
    private readonly runs: DailyRunsRepository,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
    private readonly reminders: ExpiryRemindersRepository,
    private readonly events: ExpiryEvents,
    private readonly settlementEvents: SettlementEvents,
    private readonly locks: DocumentLocks,
    @Inject(SETTLEMENT_SETTINGS) private readonly settings: SettlementSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'daily-settlement' });
  }

  /** A run staff asked for; refused while another run of the day is queued or running. */
  async request(day: string, staffId: string, now = new Date()): Promise<DailyRun> {
    if (!parseDayKey(day)) throw new SettlementDayInvalidError(day);
    const today = dayOf(now, this.settings.timeZone);
    if (day >= today) throw new SettlementDayNotEndedError(day, today);
    return this.locks.withLocks(DAY_LOCK, [this.dayLockId(day)], async () => {
      const running = await this.runs.findUnfinished(day);
      if (running) throw new DailyRunInProgressError(day, running.id);
      return this.runs.create({ id: randomUUID(), day, trigger: 'staff', requestedBy: staffId, createdAt: now });
    });
  }

  /**
   * The run the schedule starts: the centre's day before `now`. Its id comes from the day, so
   * the schedule firing twice makes one run; none when staff are running that day already.
   */
  async scheduled(now = new Date()): Promise<DailyRun | undefined> {
    const day = addDays(dayOf(now, this.settings.timeZone), -1);
    const id = deterministicUuid(`daily-settlement:schedule:${this.settings.namespace}:${day}`);
    return this.locks.withLocks(DAY_LOCK, [this.dayLockId(day)], async () => {
      const running = await this.runs.findUnfinished(day);
      if (running && running.id !== id) {
        this.log.info({ day, runId: running.id }, 'the day is being settled already; the scheduled run is left out');
        return undefined;
      }
      return this.runs.create({ id, day, trigger: 'schedule', requestedBy: 'scheduler', createdAt: now });
    });
  }

  find(id: string): Promise<DailyRun | undefined> {
    return this.runs.find(id);
  }

  list(filter: { day?: string; limit: number }): Promise<DailyRun[]> {
    return this.runs.list(filter);
  }

  unfinished(): Promise<DailyRun[]> {
    return this.runs.unfinished();
  }

  async fail(runId: string, reason: string): Promise<void> {
    await this.runs.fail(runId, reason, new Date());
  }

  /** Runs (or resumes) a run to its end; `onProgress` hears how far it got. */
  async run(runId: string, onProgress: (run: Pick<DailyRun, 'processed' | 'total' | 'counts'>) => Promise<void>): Promise<void> {
    const run = await this.runs.find(runId);
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    let total = run.total;
    if (run.status === 'queued') {
      total = await this.accounts.countForSettlement();
      await this.runs.start(run.id, total, new Date());
    } else {
      this.log.info({ runId, day: run.day, processed: run.processed, total }, 'resuming a daily settlement');
    }
    let counts = run.counts;
    let processed = run.processed;
    let cursor = run.cursor ?? '';
    const settleGroup = async (group: string[]) => {
      const settled = await Promise.all(group.map((memberId) => this.settleMember(run, memberId)));
      counts = settled.reduce(addCounts, counts);
      processed += group.length;
      cursor = group[group.length - 1];
      await this.runs.saveProgress(run.id, { processed, counts, cursor });
      await onProgress({ processed, total, counts });
    };
    let group: string[] = [];
    for await (const memberId of this.accounts.streamForSettlement(cursor)) {
      group.push(memberId);
      if (group.length < PARALLEL) continue;
      await settleGroup(group);
      group = [];
    }
    if (group.length > 0) await settleGroup(group);
    const at = new Date();
    await this.runs.complete(run.id, at, this.settlementEvents.dailyCompleted({ ...run, processed, total, counts }, at));
    this.log.info({ runId, day: run.day, processed, ...counts }, 'daily settlement completed');
  }

  /**
   * Settles one member under the account's lock, from the read of the ledger to the posting:
   * the feed, redemptions and staff change the same balances. New entries go into the ledger
   * first (an account never holds an entry the ledger lacks), then into the balances with the
   * expiry events; then, as the feed does, the entries' applied mark and the account forgets
   * their ids. The reminders go last, each with its own event.
   */
  private async settleMember(run: DailyRun, memberId: string): Promise<DailyRunCounts> {
    const now = new Date();
    const { result, posted } = await this.accounts.postDecidedMany(memberId, async (account) => {
      const entries = await this.ledger.forMember(memberId);
      const plan = planDailySettlement({
        entries,
        account,
        runId: run.id,
        day: run.day,
        policy: this.settings.expiryPolicy,
        timeZone: this.settings.timeZone,
        reminderDays: this.settings.reminderDays,
        now,
      });
      const theirs = await this.ledger.insertNew(plan.fresh);
      // Nobody else writes these ids while the account's lock is held: a clash is a bug to retry, never to post twice.
      if (theirs.size > 0) throw new Error(`entries ${[...theirs].join(', ')} appeared while account ${memberId} was locked`);
      const items: PostingItem[] = plan.toPost.map((entry) => (entry.kind === 'expiry' ? { entry, event: this.events.expired(entry) } : { entry }));
      // Entries of earlier runs in the balances whose applied mark a stop kept from being written.
      const confirmOnly = entries.filter((entry) => (entry.kind === 'maturity' || entry.kind === 'expiry') && !entry.applied && account.appliedEntryIds.has(entry.id));
      return { items, result: { plan, confirmOnly, entriesRead: entries.length, balances: { available: account.available, pending: account.pending } } };
    });
    const confirmed = [...posted.map((item) => item.entry), ...result.confirmOnly];
    await this.ledger.markApplied(confirmed.map((entry) => entry.id));
    await this.accounts.forgetConfirmed([{ memberId, items: confirmed.map((entry) => ({ entry })) }]);
    const reminders = await this.remind(run, memberId, result.plan, balancesAfter(result.balances, result.plan));
    return {
      maturedEntries: result.plan.matured.entries,
      maturedPoints: result.plan.matured.points,
      expiredEntries: result.plan.expired.entries,
      expiredPoints: result.plan.expired.points,
      reminders,
      entriesRead: result.entriesRead,
    };
  }

  /** Sends the plan's reminders not sent before; returns how many of the member's reminders are this run's. */
  private async remind(run: DailyRun, memberId: string, plan: DailyPlan, balances: { available: number; pending: number }): Promise<number> {
    let ours = 0;
    for (const coming of plan.reminders) {
      const reminder = { id: expiryReminderId(memberId, coming.expiryDate), memberId, expiryDate: coming.expiryDate, expiresAt: coming.expiresAt, points: coming.points, runId: run.id, createdAt: new Date() };
      const madeBy = await this.reminders.insertIfAbsent(reminder, this.events.expiringSoon(reminder, balances));
      if (madeBy === run.id) ours++;
    }
    return ours;
  }

  private dayLockId(day: string): string {
    return `${this.settings.namespace}:${day}`;
  }
}

function addCounts(sum: DailyRunCounts, add: DailyRunCounts): DailyRunCounts {
  return {
    maturedEntries: sum.maturedEntries + add.maturedEntries,
    maturedPoints: sum.maturedPoints + add.maturedPoints,
    expiredEntries: sum.expiredEntries + add.expiredEntries,
    expiredPoints: sum.expiredPoints + add.expiredPoints,
    reminders: sum.reminders + add.reminders,
    entriesRead: sum.entriesRead + add.entriesRead,
  };
}

/** The member's balances after the plan's entries (for the reminder's event). */
function balancesAfter(before: { available: number; pending: number }, plan: DailyPlan): { available: number; pending: number } {
  return plan.toPost.reduce(
    (sum, entry) => ({ available: sum.available + (entry.deltas.available ?? 0), pending: sum.pending + (entry.deltas.pending ?? 0) }),
    before,
  );
}

