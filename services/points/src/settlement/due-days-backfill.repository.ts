import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DUE_DAYS_BACKFILL_MODEL, type DueDaysBackfillDocument } from './due-days-backfill.schema';

const ID = 'due-days';
const DUPLICATE_KEY = 11000;

export type DueDaysBackfillState = Omit<DueDaysBackfillDocument, '_id'>;

export type DueDaysBackfillProgress = Pick<DueDaysBackfillState, 'cursor' | 'membersRead' | 'entriesDated' | 'awaitingApplied'>;

/**
 * The due-days backfill's state. Every points process runs the pass and saves its progress
 * here; two passes write the same due days and the state only moves a resumed pass forward or
 * back by a few members, so no lock is needed (see DueDaysBackfill).
 */
@Injectable()
export class DueDaysBackfillRepository {
  constructor(@InjectModel(DUE_DAYS_BACKFILL_MODEL) private readonly states: Model<DueDaysBackfillDocument>) {}

  /** The state, created (running, from the first member) when there is none. */
  async startOrResume(at: Date): Promise<DueDaysBackfillState> {
    try {
      await this.states.collection.insertOne({ _id: ID, status: 'running', cursor: '', membersRead: 0, entriesDated: 0, awaitingApplied: [], startedAt: at, updatedAt: at } as never);
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
    return (await this.find())!;
  }

  async find(): Promise<DueDaysBackfillState | undefined> {
    const document = await this.states.findById(ID).lean<DueDaysBackfillDocument>();
    if (!document) return undefined;
    const { _id, ...state } = document;
    void _id;
    return state;
  }

  async saveProgress(progress: DueDaysBackfillProgress, at: Date): Promise<void> {
    await this.states.updateOne({ _id: ID }, { $set: { ...progress, updatedAt: at } });
  }

  async complete(progress: DueDaysBackfillProgress, at: Date): Promise<void> {
    await this.states.updateOne({ _id: ID }, { $set: { ...progress, status: 'completed', updatedAt: at, completedAt: at } });
  }
}
