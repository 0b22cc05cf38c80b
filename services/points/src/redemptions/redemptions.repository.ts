import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { HOLDING_STATUSES, type Redemption, type RedemptionChannel, type RedemptionStatus } from './redemption.entity';
import { REDEMPTION_MODEL, type RedemptionDocument, type RedemptionStep } from './redemption.schema';

const COLLECTION = 'redemptions';
const DUPLICATE_KEY = 11000;

export interface RedemptionFilter {
  readonly memberId?: string;
  readonly rewardId?: string;
  readonly status?: RedemptionStatus;
  readonly channel?: RedemptionChannel;
  readonly location?: string;
  readonly code?: string;
  readonly limit: number;
}

/** A redemption with the step under way, for recovery. */
export interface UnfinishedRedemption extends Redemption {
  readonly step?: RedemptionStep;
}

/**
 * Redemptions as plain objects. Inserted once (the insert is the take's recovery marker); every
 * later change holds the redemption's lock, since cancellations, collections, the expiry sweep
 * and recovery may reach one redemption at the same time.
 */
@Injectable()
export class RedemptionsRepository implements OnModuleInit {
  constructor(
    @InjectModel(REDEMPTION_MODEL) private readonly redemptions: Model<RedemptionDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.redemptions.syncIndexes();
  }

  /** Inserts a new redemption with its `take` step; false when its code is taken (nothing written). */
  async insertTaking(redemption: Redemption): Promise<boolean> {
    const { id, ...fields } = redemption;
    try {
      await this.redemptions.collection.insertOne(withoutUndefined({ _id: id, ...fields, step: 'take', stepAt: redemption.createdAt }) as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /** Sets fields and the step (none: finished) under the redemption's lock. */
  async update(id: string, fields: Partial<Omit<Redemption, 'id'>>, step: RedemptionStep | undefined, at: Date): Promise<void> {
    const set = withoutUndefined({ ...fields, ...(step ? { step, stepAt: at } : {}) });
    const update = step ? { $set: set } : { $set: set, $unset: { step: 1, stepAt: 1 } };
    await this.locks.withLocks(COLLECTION, [id], () => this.redemptions.updateOne({ _id: id }, update));
  }

  async findById(id: string): Promise<UnfinishedRedemption | undefined> {
    const document = await this.redemptions.findById(id).lean<RedemptionDocument>();
    return document ? toRedemption(document) : undefined;
  }

  /** Newest first. */
  async list(filter: RedemptionFilter): Promise<Redemption[]> {
    const { limit, ...fields } = filter;
    const query = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const documents = await this.redemptions.find(query).sort({ createdAt: -1, _id: 1 }).limit(limit).lean<RedemptionDocument[]>();
    return documents.map(toRedemption);
  }

  /** Units of a reward a member holds from redemptions made in [start, end) (cancelled and failed ones do not count). */
  async unitsInPeriod(memberId: string, rewardId: string, start: Date, end: Date): Promise<number> {
    const documents = await this.redemptions
      .find({ memberId, rewardId, createdAt: { $gte: start, $lt: end }, status: { $in: [...HOLDING_STATUSES] } }, { quantity: 1 })
      .lean<Pick<RedemptionDocument, 'quantity'>[]>();
    return documents.reduce((sum, document) => sum + document.quantity, 0);
  }

  /** Units of several rewards a member holds from redemptions in [start, end), by reward id. */
  async unitsByReward(memberId: string, rewardIds: readonly string[], start: Date, end: Date): Promise<Map<string, number>> {
    const units = new Map<string, number>();
    if (rewardIds.length === 0) return units;
    const documents = await this.redemptions
      .find({ memberId, rewardId: { $in: [...rewardIds] }, createdAt: { $gte: start, $lt: end }, status: { $in: [...HOLDING_STATUSES] } }, { rewardId: 1, quantity: 1 })
      .lean<Pick<RedemptionDocument, 'rewardId' | 'quantity'>[]>();
    for (const document of documents) units.set(document.rewardId, (units.get(document.rewardId) ?? 0) + document.quantity);
    return units;
  }

  /** Hours a plate holds from a parking reward on a centre-local day, whoever redeemed them. */
  async parkingHours(rewardId: string, plate: string, day: string): Promise<number> {
    const documents = await this.redemptions
      .find({ 'parking.plate': plate, 'parking.day': day, rewardId, status: { $in: [...HOLDING_STATUSES] } }, { parking: 1 })
      .lean<Pick<RedemptionDocument, 'parking'>[]>();
    return documents.reduce((sum, document) => sum + (document.parking?.hours ?? 0), 0);
  }

  /** Redemptions with a step under way that began before `before` (a live request finishes its own). */
  async findUnfinished(before: Date): Promise<UnfinishedRedemption[]> {
    const documents = await this.redemptions.find({ step: { $in: ['take', 'return'] }, stepAt: { $lt: before } }).sort({ stepAt: 1 }).lean<RedemptionDocument[]>();
    return documents.map(toRedemption);
  }

  /** Of these redemptions, the ones that have recorded their outcome (no step under way). */
  async finishedAmong(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const documents = await this.redemptions.find({ _id: { $in: [...ids] }, step: { $exists: false } }, { _id: 1 }).lean<Pick<RedemptionDocument, '_id'>[]>();
    return new Set(documents.map((document) => document._id));
  }

  /** Reservations nobody collected before they expired. */
  async findExpiredReservations(now: Date, limit: number): Promise<Redemption[]> {
    const documents = await this.redemptions.find({ status: 'reserved', expiresAt: { $lte: now } }).sort({ expiresAt: 1 }).limit(limit).lean<RedemptionDocument[]>();
    return documents.map(toRedemption);
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function toRedemption(document: RedemptionDocument): UnfinishedRedemption {
  const { _id, stepAt: _stepAt, ...rest } = document;
  return { id: _id, ...rest };
}
