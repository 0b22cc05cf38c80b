import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import { NO_DAILY_COUNTS, type DailyRun, type DailyRunCounts } from './daily-run.entity';
import { DAILY_RUN_MODEL, type DailyRunDocument } from './daily-run.schema';

const DUPLICATE_KEY = 11000;

/**
 * Daily settlement runs. A run document is written by the one worker holding its job (BullMQ
 * hands a job to one worker at a time), and created under the day's lock (DailySettlementService).
 */
@Injectable()
export class DailyRunsRepository implements OnModuleInit {
  constructor(
    @InjectModel(DAILY_RUN_MODEL) private readonly runs: Model<DailyRunDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.runs);
    await this.runs.syncIndexes();
  }

  /** Stores a new queued run; a run with this id already there is kept and handed back. */
  async create(run: Pick<DailyRun, 'id' | 'day' | 'trigger' | 'requestedBy' | 'createdAt'>): Promise<DailyRun> {
    try {
      await this.runs.collection.insertOne({
        _id: run.id,
        day: run.day,
        trigger: run.trigger,
        requestedBy: run.requestedBy,
        createdAt: run.createdAt,
        status: 'queued',
        total: 0,
        processed: 0,
        counts: { ...NO_DAILY_COUNTS },
        outbox: [],
      } as never);
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
    return (await this.find(run.id))!;
  }

  async find(id: string): Promise<DailyRun | undefined> {
    const document = await this.runs.findById(id, { outbox: 0 }).lean<DailyRunDocument>();
    return document ? toRun(document) : undefined;
  }

  /** The day's run that is queued or running, if any: the day's lock is held by it. */
  async findUnfinished(day: string): Promise<DailyRun | undefined> {
    const document = await this.runs.findOne({ day, status: { $in: ['queued', 'running'] } }, { outbox: 0 }).lean<DailyRunDocument>();
    return document ? toRun(document) : undefined;
  }

  async list(filter: { day?: string; limit: number }): Promise<DailyRun[]> {
    const documents = await this.runs
      .find(filter.day ? { day: filter.day } : {})
      .sort({ createdAt: -1 })
      .limit(filter.limit)
      .lean<DailyRunDocument[]>();
    return documents.map(toRun);
  }

  /** Runs asked for that have not finished (their jobs are queued again at start). */
  async unfinished(): Promise<DailyRun[]> {
    return (await this.runs.find({ status: { $in: ['queued', 'running'] } }).lean<DailyRunDocument[]>()).map(toRun);
  }

  async start(id: string, total: number, at: Date, dueFrom?: string): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'running', total, startedAt: at, ...(dueFrom ? { dueFrom } : {}) } });
  }

  /** The latest day before `day` that a run completed (runs are one a day: a small collection, so the range is cheap). */
  async lastCompletedBefore(day: string): Promise<string | undefined> {
    const document = await this.runs.findOne({ status: 'completed', day: { $lt: day } }, { day: 1 }).sort({ day: -1 }).lean<Pick<DailyRunDocument, 'day'>>();
    return document?.day;
  }

  /** Saves how far the run got: the counts and the last member they include, together. */
  async saveProgress(id: string, progress: { processed: number; counts: DailyRunCounts; cursor: string }): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { processed: progress.processed, counts: { ...progress.counts }, cursor: progress.cursor } });
  }

  /** Completes the run with the event that announces it, in one write (nobody else writes a run then). */
  async complete(id: string, at: Date, event: OutboxEntry): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'completed', finishedAt: at }, $push: { outbox: event } });
    this.relay.nudge();
  }

  async fail(id: string, reason: string, at: Date): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'failed', failure: reason, finishedAt: at } });
  }
}

function toRun(document: DailyRunDocument): DailyRun {
  return {
    id: document._id,
    day: document.day,
    status: document.status,
    trigger: document.trigger,
    requestedBy: document.requestedBy,
    createdAt: document.createdAt,
    ...(document.startedAt ? { startedAt: document.startedAt } : {}),
    ...(document.finishedAt ? { finishedAt: document.finishedAt } : {}),
    total: document.total,
    processed: document.processed,
    counts: { ...NO_DAILY_COUNTS, ...document.counts },
    ...(document.cursor ? { cursor: document.cursor } : {}),
    ...(document.dueFrom ? { dueFrom: document.dueFrom } : {}),
    ...(document.failure ? { failure: document.failure } : {}),
  };
}
