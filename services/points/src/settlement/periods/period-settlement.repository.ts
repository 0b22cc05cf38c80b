import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { PeriodRun, StoredStatements } from './period-run.entity';
import {
  CLOSED_PERIOD_MODEL,
  PERIOD_RUN_MODEL,
  PERIOD_STATEMENTS_MODEL,
  type ClosedPeriodDocument,
  type PeriodRunDocument,
} from './period-settlement.schema';

const DUPLICATE_KEY = 11000;

type StatementsDocument = StoredStatements & { _id: string };

/**
 * Period runs, closed periods and stored statements. Closing and storing are inserts keyed by
 * the period, so the first run's close and statements stay, whichever runs come after.
 */
@Injectable()
export class PeriodSettlementRepository implements OnModuleInit {
  constructor(
    @InjectModel(PERIOD_RUN_MODEL) private readonly runs: Model<PeriodRunDocument>,
    @InjectModel(CLOSED_PERIOD_MODEL) private readonly closed: Model<ClosedPeriodDocument>,
    @InjectModel(PERIOD_STATEMENTS_MODEL) private readonly statements: Model<StatementsDocument>,
    @InjectConnection() private readonly connection: Connection,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * About how many ledger entries a run reads, for its progress: the `$collStats` count, which
   * FerretDB takes from PostgreSQL's statistics (15 ms at 1,000,000 entries; close enough for a
   * percentage) and MongoDB from its metadata. Not estimatedDocumentCount: FerretDB v1 answers
   * its `count` by reading every entry (minutes at 1,000,000, with the run waiting, `queued`).
   */
  async ledgerSize(): Promise<number> {
    const [stats] = await this.connection
      .collection('ledger_entries')
      .aggregate<{ count?: number }>([{ $collStats: { count: {} } }])
      .toArray();
    return stats?.count ?? 0;
  }

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.runs);
    await this.runs.syncIndexes();
  }

  async createRun(run: Pick<PeriodRun, 'id' | 'period' | 'trigger' | 'requestedBy' | 'createdAt'>): Promise<PeriodRun> {
    await insertIfAbsent(this.runs, { _id: run.id, period: run.period, trigger: run.trigger, requestedBy: run.requestedBy, createdAt: run.createdAt, status: 'queued', total: 0, processed: 0, outbox: [] });
    return (await this.findRun(run.id))!;
  }

  async findRun(id: string): Promise<PeriodRun | undefined> {
    const document = await this.runs.findById(id, { outbox: 0 }).lean<PeriodRunDocument>();
    return document ? toRun(document) : undefined;
  }

  async findUnfinishedRun(period: string): Promise<PeriodRun | undefined> {
    const document = await this.runs.findOne({ period, status: { $in: ['queued', 'running'] } }, { outbox: 0 }).lean<PeriodRunDocument>();
    return document ? toRun(document) : undefined;
  }

  async unfinishedRuns(): Promise<PeriodRun[]> {
    return (await this.runs.find({ status: { $in: ['queued', 'running'] } }).lean<PeriodRunDocument[]>()).map(toRun);
  }

  async listRuns(filter: { period?: string; limit: number }): Promise<PeriodRun[]> {
    const documents = await this.runs.find(filter.period ? { period: filter.period } : {}).sort({ createdAt: -1 }).limit(filter.limit).lean<PeriodRunDocument[]>();
    return documents.map(toRun);
  }

  async startRun(id: string, total: number, at: Date): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'running', total, processed: 0, startedAt: at } });
  }

  async saveProgress(id: string, processed: number): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { processed } });
  }

  /** Completes the run with the event that announces it, in one write (nobody else writes a run then). */
  async completeRun(id: string, matchesStored: boolean, at: Date, event: OutboxEntry): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'completed', matchesStored, finishedAt: at }, $push: { outbox: event } });
    this.relay.nudge();
  }

  async failRun(id: string, reason: string, at: Date): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'failed', failure: reason, finishedAt: at } });
  }

  /** Closes the period at `closedAt` unless it is closed already; returns the instant it is closed at. */
  async close(period: string, closedAt: Date, runId: string): Promise<Date> {
    await insertIfAbsent(this.closed, { _id: period, closedAt, runId });
    return (await this.closed.findById(period).lean<ClosedPeriodDocument>())!.closedAt;
  }

  async closedPeriods(): Promise<Map<string, Date>> {
    const documents = await this.closed.find().lean<ClosedPeriodDocument[]>();
    return new Map(documents.map((document) => [document._id, document.closedAt]));
  }

  /** Stores the period's statements unless stored already; returns the stored ones. */
  async storeStatements(statements: StoredStatements): Promise<StoredStatements> {
    await insertIfAbsent(this.statements, { _id: statements.period, ...statements });
    return (await this.findStatements(statements.period))!;
  }

  async findStatements(period: string): Promise<StoredStatements | undefined> {
    const document = await this.statements.findById(period).lean<StatementsDocument>();
    if (!document) return undefined;
    const { _id, ...statements } = document;
    return statements;
  }
}

async function insertIfAbsent<T>(model: Model<T>, document: Record<string, unknown>): Promise<void> {
  try {
    await model.collection.insertOne(document);
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

function toRun(document: PeriodRunDocument): PeriodRun {
  return {
    id: document._id,
    period: document.period,
    status: document.status,
    trigger: document.trigger,
    requestedBy: document.requestedBy,
    createdAt: document.createdAt,
    ...(document.startedAt ? { startedAt: document.startedAt } : {}),
    ...(document.finishedAt ? { finishedAt: document.finishedAt } : {}),
    total: document.total,
    processed: document.processed,
    ...(document.matchesStored !== undefined ? { matchesStored: document.matchesStored } : {}),
    ...(document.failure ? { failure: document.failure } : {}),
  };
}
