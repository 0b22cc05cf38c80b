import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentLocks } from '@atrium/document-locks';
import { LOGGER, type Logger } from '@atrium/observability';
import { AccountsRepository, type Posting, type PostingItem } from '../accounts/accounts.repository';
import { addDays, dayOf, parseDayKey } from '../expiry/centre-calendar';
import { expiryReminderId } from '../expiry/expiry-reminder.entity';
import { ExpiryEvents } from '../expiry/expiry-events';
import { ExpiryRemindersRepository } from '../expiry/expiry-reminders.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { NO_DAILY_COUNTS, type DailyRun, type DailyRunCounts } from './daily-run.entity';
import { DailyRunsRepository } from './daily-runs.repository';
import { planDailySettlement, type DailyPlan } from './daily-settlement-plan';
import { deterministicUuid } from './deterministic-uuid';
import { DueDaysBackfill } from './due-days-backfill';
import { DailyRunInProgressError, SettlementDayInvalidError, SettlementDayNotEndedError } from './settlement.errors';
import { SETTLEMENT_SETTINGS, type SettlementSettings } from './settlement-settings';
import { SettlementEvents } from './settlement-events';

/** Members settled together (one lock, one insert, one bulk write); the run saves how far it got after each group. */
const GROUP = 8;
/** How far back the last completed run may be for a run to settle only what fell due since it. */
const DUE_WINDOW_DAYS = 31;
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
    private readonly backfill: DueDaysBackfill,
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

  /**
   * Runs (or resumes) a run to its end; `onProgress` hears how far it got. Once every entry
   * carries its due days (DueDaysBackfill), a run of yesterday or today whose day before (or an earlier day
   * within DUE_WINDOW_DAYS) was settled settles only the members with an entry due from that day
   * to its own (the day before is read again: an entry recorded while its run was going is due
   * then, see due-days.ts); any other run (no completed run in the window, or the backfill not
   * completed) goes through every account with points.
   */
  async run(runId: string, onProgress: (run: Pick<DailyRun, 'processed' | 'total' | 'counts'>) => Promise<void>): Promise<void> {
    const run = await this.runs.find(runId);
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    let { total, dueFrom } = run;
    let due: string[] | undefined;
    if (run.status === 'queued') {
      // Entries written before they carried due days are found only once the backfill dated them.
      // A day older than yesterday is settled whole: entries recorded since are dated no earlier
      // than the day before their recording (due-days.ts), after that day's own due days.
      const recent = run.day >= addDays(dayOf(new Date(), this.settings.timeZone), -1);
      const last = recent && (await this.backfill.isCompleted()) ? await this.runs.lastCompletedBefore(run.day) : undefined;
      dueFrom = last && last >= addDays(run.day, -DUE_WINDOW_DAYS) ? last : undefined;
      due = dueFrom ? await this.membersDue(run.day, dueFrom) : undefined;
      total = due ? due.length : await this.accounts.countForSettlement();
      await this.runs.start(run.id, total, new Date(), dueFrom);
    } else {
      this.log.info({ runId, day: run.day, processed: run.processed, total, dueFrom }, 'resuming a daily settlement');
      due = dueFrom ? await this.membersDue(run.day, dueFrom) : undefined;
    }
    let counts = run.counts;
    let processed = run.processed;
    let cursor = run.cursor ?? '';
    const settleGroup = async (group: string[]) => {
      counts = addCounts(counts, await this.settleMembers(run, group));
      processed += group.length;
      cursor = group[group.length - 1];
      await this.runs.saveProgress(run.id, { processed, counts, cursor });
      await onProgress({ processed, total, counts });
    };
    const members = due ? due.filter((memberId) => memberId > cursor) : this.accounts.streamForSettlement(cursor);
    let group: string[] = [];
    for await (const memberId of members) {
      group.push(memberId);
      if (group.length < GROUP) continue;
      await settleGroup(group);
      group = [];
    }
    if (group.length > 0) await settleGroup(group);
    const at = new Date();
    await this.runs.complete(run.id, at, this.settlementEvents.dailyCompleted({ ...run, processed, total, counts }, at));
    this.log.info({ runId, day: run.day, processed, dueFrom, ...counts }, 'daily settlement completed');
  }

  /** The members with an entry maturing or expiring from `from` to `day`, or reaching the reminder days then, in id order. */
  private async membersDue(day: string, from: string): Promise<string[]> {
    const days: string[] = [];
    for (let next = from; next <= day; next = addDays(next, 1)) days.push(next);
    const reminding = this.settings.reminderDays > 0 ? days.map((next) => addDays(next, this.settings.reminderDays)) : [];
    const due = await this.ledger.membersDue({ maturesOn: days, expiresOn: [...days, ...reminding] });
    return [...due.keys()].sort();
  }

  /**
   * Settles a group of members under their accounts' locks, from the read of the ledger to the
   * posting: the feed, redemptions and staff change the same balances. New entries go into the
   * ledger first, in one insert (an account never holds an entry the ledger lacks), then into
   * the balances with the expiry events, in one bulk write for the group; then, as the feed
   * does, the entries' applied mark and the accounts forget their ids. The reminders go last,
   * each with its own event.
   */
  private async settleMembers(run: DailyRun, memberIds: readonly string[]): Promise<DailyRunCounts> {
    const now = new Date();
    const { result: plans, posted } = await this.accounts.postDecidedAcross(memberIds, async (accounts) => {
      const decided = await Promise.all(
        memberIds.map(async (memberId) => {
          const account = accounts.get(memberId);
          // An account gone since the run listed it (a merge's duplicate): nothing of it to settle.
          if (!account) return undefined;
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
          // Entries of earlier runs in the balances whose applied mark a stop kept from being written.
          const confirmOnly = entries.filter((entry) => (entry.kind === 'maturity' || entry.kind === 'expiry') && !entry.applied && account.appliedEntryIds.has(entry.id));
          return { memberId, plan, confirmOnly, entriesRead: entries.length, balances: { available: account.available, pending: account.pending } };
        }),
      );
      const settled = decided.filter((member) => member !== undefined);
      const theirs = await this.ledger.insertNew(settled.flatMap((member) => member.plan.fresh));
      // Nobody else writes these ids while the accounts' locks are held: a clash is a bug to retry, never to post twice.
      if (theirs.size > 0) throw new Error(`entries ${[...theirs].join(', ')} appeared while their accounts were locked`);
      const postings: Posting[] = settled.map((member) => ({
        memberId: member.memberId,
        items: member.plan.toPost.map((entry): PostingItem => (entry.kind === 'expiry' ? { entry, event: this.events.expired(entry) } : { entry })),
      }));
      return { postings, result: settled };
    });
    const postedBy = new Map(posted.map((posting) => [posting.memberId, posting.items.map((item) => item.entry)]));
    const confirmed = plans.map((member) => ({ memberId: member.memberId, entries: [...(postedBy.get(member.memberId) ?? []), ...member.confirmOnly] }));
    await this.ledger.markApplied(confirmed.flatMap((member) => member.entries.map((entry) => entry.id)));
    await this.accounts.forgetConfirmed(confirmed.map((member) => ({ memberId: member.memberId, items: member.entries.map((entry) => ({ entry })) })));
    let counts = NO_DAILY_COUNTS;
    for (const member of plans) {
      const reminders = await this.remind(run, member.memberId, member.plan, balancesAfter(member.balances, member.plan));
      counts = addCounts(counts, {
        maturedEntries: member.plan.matured.entries,
        maturedPoints: member.plan.matured.points,
        expiredEntries: member.plan.expired.entries,
        expiredPoints: member.plan.expired.points,
        reminders,
        entriesRead: member.entriesRead,
        accountsSettled: 1,
      });
    }
    return counts;
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
    accountsSettled: sum.accountsSettled + add.accountsSettled,
  };
}

/** The member's balances after the plan's entries (for the reminder's event). */
function balancesAfter(before: { available: number; pending: number }, plan: DailyPlan): { available: number; pending: number } {
  return plan.toPost.reduce(
    (sum, entry) => ({ available: sum.available + (entry.deltas.available ?? 0), pending: sum.pending + (entry.deltas.pending ?? 0) }),
    before,
  );
}

