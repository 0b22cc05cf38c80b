import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentLocks } from '@atrium/document-locks';
import { LOGGER, type Logger } from '@atrium/observability';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { deterministicUuid } from '../deterministic-uuid';
import { SettlementEvents } from '../settlement-events';
import type { PeriodRun, StoredStatements } from './period-run.entity';
import { PeriodInvalidError, PeriodNotEndedError, PeriodRunInProgressError } from './period-settlement.errors';
import { PeriodSettlementRepository } from './period-settlement.repository';
import { PERIOD_SETTLEMENT_SETTINGS, type PeriodSettlementSettings } from './period-settlement-settings';
import { PeriodStatementBuilder } from './period-statement';
import { boundsOf, isPeriodKey, periodOf, periodOfEntry, previousPeriod } from './settlement-period';

/** Entries read between two saves of a run's progress. */
const PROGRESS_EVERY = 5_000;
/**
 * How long the run that closes a period waits before reading the ledger: an entry is stamped
 * `recordedAt` a moment before it is inserted, and every entry recorded before the close must
 * be in the ledger when the run reads it (a batch of the feed is written within this).
 */
const CLOSE_SETTLE_MS = 5_000;
const PERIOD_LOCK = 'settlement_periods';

/**
 * Period settlement (月結): for a month that has ended, each tenant's statement (points its
 * sales issued, their value and its charge, the rewards it funds, the net amount) and the
 * centre's totals with the points liability at the month's end. The first run closes the
 * period; entries recorded after the close count in a later period (periodOfEntry), so every
 * run of a period reads the same entries and gives the same statements, and only the first
 * run's are stored. One run per period at a time.
 */
@Injectable()
export class PeriodSettlementService {
  private readonly log: Logger;

  constructor(
    private readonly store: PeriodSettlementRepository,
    private readonly ledger: LedgerRepository,
    private readonly locks: DocumentLocks,
    private readonly events: SettlementEvents,
    @Inject(PERIOD_SETTLEMENT_SETTINGS) private readonly settings: PeriodSettlementSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'period-settlement' });
  }

  async request(period: string, staffId: string, now = new Date()): Promise<PeriodRun> {
    if (!isPeriodKey(period)) throw new PeriodInvalidError(period);
    const { end } = boundsOf(period, this.settings.timeZone);
    if (end.getTime() > now.getTime()) throw new PeriodNotEndedError(period, end);
    return this.locked(period, async () => {
      const running = await this.store.findUnfinishedRun(period);
      if (running) throw new PeriodRunInProgressError(period, running.id);
      return this.store.createRun({ id: randomUUID(), period, trigger: 'staff', requestedBy: staffId, createdAt: now });
    });
  }

  /** The schedule's run of the month before `now`; its id comes from the month, so one run however often the schedule fires. */
  async scheduled(now = new Date()): Promise<PeriodRun | undefined> {
    const period = previousPeriod(periodOf(now, this.settings.timeZone));
    const id = deterministicUuid(`period-settlement:schedule:${this.settings.namespace}:${period}`);
    return this.locked(period, async () => {
      const running = await this.store.findUnfinishedRun(period);
      if (running && running.id !== id) return undefined;
      return this.store.createRun({ id, period, trigger: 'schedule', requestedBy: 'scheduler', createdAt: now });
    });
  }

  findRun(id: string): Promise<PeriodRun | undefined> {
    return this.store.findRun(id);
  }

  listRuns(filter: { period?: string; limit: number }): Promise<PeriodRun[]> {
    return this.store.listRuns(filter);
  }

  unfinished(): Promise<PeriodRun[]> {
    return this.store.unfinishedRuns();
  }

  statements(period: string): Promise<StoredStatements | undefined> {
    return this.store.findStatements(period);
  }

  async fail(runId: string, reason: string): Promise<void> {
    await this.store.failRun(runId, reason, new Date());
  }

  /**
   * Runs a run from the start (a run taken over after a crash starts again: it writes nothing
   * before its end). Reads the whole ledger once: entries of the period make the statements,
   * entries up to its end the liability.
   */
  async run(runId: string, onProgress: (processed: number, total: number) => Promise<void>): Promise<void> {
    const run = await this.store.findRun(runId);
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    const now = new Date();
    const { end } = boundsOf(run.period, this.settings.timeZone);
    const closedAt = await this.store.close(run.period, new Date(Math.max(end.getTime(), now.getTime())), run.id);
    if (now.getTime() - closedAt.getTime() < CLOSE_SETTLE_MS) await sleep(CLOSE_SETTLE_MS - (now.getTime() - closedAt.getTime()));
    const closed = await this.store.closedPeriods();
    const total = await this.store.ledgerSize();
    await this.store.startRun(run.id, total, now);
    const builder = new PeriodStatementBuilder(run.period, this.settings.value);
    let processed = 0;
    for await (const entry of this.ledger.streamAll()) {
      processed++;
      // Recorded after the close: never part of this period's statements, nor of its liability.
      if (entry.recordedAt.getTime() < closedAt.getTime()) {
        builder.add(entry, periodOfEntry(entry, closed, this.settings.timeZone), periodOf(entry.occurredAt, this.settings.timeZone));
      }
      if (processed % PROGRESS_EVERY === 0) {
        await this.store.saveProgress(run.id, processed);
        await onProgress(processed, total);
      }
    }
    await this.store.saveProgress(run.id, processed);
    const computed: StoredStatements = { period: run.period, closedAt, runId: run.id, createdAt: new Date(), ...builder.build() };
    const stored = await this.store.storeStatements(computed);
    const matchesStored = isDeepStrictEqual(plain(stored), plain(computed));
    if (!matchesStored) this.log.error({ runId, period: run.period }, 'a period settled again gave other statements than the stored ones; the stored ones stay');
    const at = new Date();
    await this.store.completeRun(run.id, matchesStored, at, this.events.periodCompleted(run.id, stored, processed, at));
    this.log.info({ runId, period: run.period, processed, tenants: computed.tenants.length }, 'period settlement completed');
  }

  private locked<T>(period: string, work: () => Promise<T>): Promise<T> {
    return this.locks.withLocks(PERIOD_LOCK, [`${this.settings.namespace}:${period}`], work);
  }
}

/** The statements themselves, without who stored them and when. */
function plain(statements: StoredStatements): unknown {
  return JSON.parse(JSON.stringify({ tenants: statements.tenants, centre: statements.centre, closedAt: statements.closedAt })) as unknown;
}
