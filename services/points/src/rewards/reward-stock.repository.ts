import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { findEachById, nativeCollection } from '@atrium/document-batches';
import { DocumentLocks } from '@atrium/document-locks';
import type { StockAdjustment, StockLevel } from './reward.entity';
import { STOCK_MODEL, type StockDocument } from './reward-stock.schema';

const COLLECTION = 'reward_stock';

/** One desk's stock of one gift, while its lock is held: read it, and change it by named operations. */
export interface LockedStock {
  readonly quantity: number;
  /** Whether a redemption operation's change is in the quantity already. */
  has(operation: string): boolean;
  /** Adds `delta` and records the operation, once: a second call with the same operation changes nothing. */
  apply(operation: string, delta: number): Promise<void>;
}

export function stockIdOf(rewardId: string, location: string): string {
  return `${rewardId}|${location}`;
}

/**
 * Gifts' stock per desk location. FerretDB v1 does not apply a conditional update atomically
 * (measured: 40 concurrent `updateOne({ stock: { $gte: 1 } }, { $inc: { stock: -1 } })` on a
 * stock of 5 were all acknowledged), so every change reads, checks and writes while holding
 * the stock record's lock: the quantity can never go below zero.
 */
@Injectable()
export class RewardStockRepository implements OnModuleInit {
  constructor(
    @InjectModel(STOCK_MODEL) private readonly stock: Model<StockDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.stock.syncIndexes();
  }

  /** Runs `work` with the stock of one gift at one desk locked (a missing record reads as 0). */
  async locked<T>(rewardId: string, location: string, work: (stock: LockedStock) => Promise<T>): Promise<T> {
    const id = stockIdOf(rewardId, location);
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.stock.findById(id, { adjustments: 0 }).lean<StockDocument>();
      const applied = new Set(document?.appliedOps ?? []);
      let quantity = document?.quantity ?? 0;
      const handle: LockedStock = {
        get quantity() {
          return quantity;
        },
        has: (operation) => applied.has(operation),
        apply: async (operation, delta) => {
          if (applied.has(operation)) return;
          await this.stock.updateOne(
            { _id: id },
            { $setOnInsert: { rewardId, location }, $inc: { quantity: delta }, $push: { appliedOps: operation }, $set: { updatedAt: new Date() } },
            { upsert: true },
          );
          applied.add(operation);
          quantity += delta;
        },
      };
      return work(handle);
    });
  }

  /**
   * A staff change with its reason: `decide` sees the quantity and returns the adjustment to
   * record (or throws to refuse); the change and its record are one write.
   */
  async adjust(rewardId: string, location: string, decide: (quantity: number) => StockAdjustment): Promise<StockAdjustment> {
    const id = stockIdOf(rewardId, location);
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.stock.findById(id, { quantity: 1 }).lean<Pick<StockDocument, 'quantity'>>();
      const adjustment = decide(document?.quantity ?? 0);
      await this.stock.updateOne(
        { _id: id },
        { $setOnInsert: { rewardId, location }, $inc: { quantity: adjustment.change }, $push: { adjustments: adjustment }, $set: { updatedAt: adjustment.at } },
        { upsert: true },
      );
      return adjustment;
    });
  }

  /** Drops operations from the record once their redemptions have recorded their outcome. */
  async forget(rewardId: string, location: string, operations: readonly string[]): Promise<void> {
    const id = stockIdOf(rewardId, location);
    await this.locks.withLocks(COLLECTION, [id], () => this.stock.updateOne({ _id: id }, { $pullAll: { appliedOps: [...operations] } }));
  }

  /** The quantity as it is now, without the lock: a quick answer for a request that will be checked again under it. */
  async quantityOf(rewardId: string, location: string): Promise<number> {
    const document = await this.stock.findById(stockIdOf(rewardId, location), { quantity: 1 }).lean<Pick<StockDocument, 'quantity'>>();
    return document?.quantity ?? 0;
  }

  /** Stock records that still list redemption operations, for the sweep to trim. */
  async withOperations(): Promise<{ rewardId: string; location: string; operations: string[] }[]> {
    const documents = await this.stock.find({ 'appliedOps.0': { $exists: true } }, { rewardId: 1, location: 1, appliedOps: 1 }).lean<StockDocument[]>();
    return documents.map((document) => ({ rewardId: document.rewardId, location: document.location, operations: document.appliedOps }));
  }

  /** A gift's stock at every desk that has a record, with the staff changes. */
  async levelsOf(rewardId: string): Promise<StockLevel[]> {
    const documents = await this.stock.find({ rewardId }).sort({ location: 1 }).lean<StockDocument[]>();
    return documents.map(toLevel);
  }

  /** The stock of some gifts at one desk, by reward id. */
  async quantitiesAt(location: string, rewardIds: readonly string[]): Promise<Map<string, number>> {
    if (rewardIds.length === 0) return new Map();
    const documents = await findEachById(nativeCollection(this.stock), rewardIds.map((rewardId) => stockIdOf(rewardId, location)), { projection: { rewardId: 1, quantity: 1 } });
    return new Map([...documents.values()].map((document) => [document.rewardId, document.quantity]));
  }
}

function toLevel(document: StockDocument): StockLevel {
  return {
    rewardId: document.rewardId,
    location: document.location,
    quantity: document.quantity,
    adjustments: (document.adjustments ?? []).map((adjustment) => ({ ...adjustment, at: new Date(adjustment.at) })),
  };
}
