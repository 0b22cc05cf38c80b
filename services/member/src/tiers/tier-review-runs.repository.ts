import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { NO_COUNTS, type ReviewCounts, type TierReviewRun } from './tier-review-run.entity';
import { TIER_REVIEW_RUN_MODEL, type TierReviewRunDocument } from './tier-review-run.schema';

const DUPLICATE_KEY = 11000;

/**
 * Review runs. A run document is written by the one worker that holds the run's job (BullMQ
 * hands a job to one worker at a time) and created once by its id, so no lock is needed.
 */
@Injectable()
export class TierReviewRunsRepository implements OnModuleInit {
  constructor(@InjectModel(TIER_REVIEW_RUN_MODEL) private readonly runs: Model<TierReviewRunDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.runs.syncIndexes();
  }

  /** Stores a new run; a run with this id already there is kept and handed back. */
  async create(run: Pick<TierReviewRun, 'id' | 'year' | 'asOf' | 'trigger' | 'requestedBy' | 'createdAt'>): Promise<TierReviewRun> {
    try {
      await this.runs.create({ _id: run.id, year: run.year, asOf: run.asOf, trigger: run.trigger, requestedBy: run.requestedBy, createdAt: run.createdAt, status: 'queued', total: 0, processed: 0, counts: { ...NO_COUNTS } });
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
    return (await this.find(run.id))!;
  }

  async find(id: string): Promise<TierReviewRun | undefined> {
    const document = await this.runs.findById(id).lean<TierReviewRunDocument>();
    return document ? toRun(document) : undefined;
  }

  async list(limit: number): Promise<TierReviewRun[]> {
    return (await this.runs.find().sort({ createdAt: -1 }).limit(limit).lean<TierReviewRunDocument[]>()).map(toRun);
  }

  /** Runs that were asked for and have not finished (their jobs are queued again at start). */
  async unfinished(): Promise<TierReviewRun[]> {
    return (await this.runs.find({ status: { $in: ['queued', 'running'] } }).lean<TierReviewRunDocument[]>()).map(toRun);
  }

  async start(id: string, total: number, at: Date): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'running', total, startedAt: at } });
  }

  /** Saves how far the run got: the counts and the last member they include, together. */
  async saveProgress(id: string, progress: { processed: number; counts: ReviewCounts; cursor: string }): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { processed: progress.processed, counts: { ...progress.counts }, cursor: progress.cursor } });
  }

  async complete(id: string, at: Date): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'completed', finishedAt: at } });
  }

  async fail(id: string, reason: string, at: Date): Promise<void> {
    await this.runs.updateOne({ _id: id }, { $set: { status: 'failed', failure: reason, finishedAt: at } });
  }
}

function toRun(document: TierReviewRunDocument): TierReviewRun {
  return {
    id: document._id,
    year: document.year,
    asOf: document.asOf,
    status: document.status,
    trigger: document.trigger,
    requestedBy: document.requestedBy,
    createdAt: document.createdAt,
    ...(document.startedAt ? { startedAt: document.startedAt } : {}),
    ...(document.finishedAt ? { finishedAt: document.finishedAt } : {}),
    total: document.total,
    processed: document.processed,
    counts: { ...NO_COUNTS, ...document.counts },
    ...(document.cursor ? { cursor: document.cursor } : {}),
    ...(document.failure ? { failure: document.failure } : {}),
  };
}
