import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import type { Month, MonthSpend, SpendWindow } from './spend-window';
import { SPEND_BUCKET_MODEL, type SpendBucketDocument } from './spend-bucket.schema';

const COLLECTION = 'member_spend';

/** One sale or refund to count in a member's month. */
export interface SpendEntry {
  readonly memberId: string;
  readonly month: Month;
  /** What makes it the same sale or refund however often it is reported (tenant, receipt, refund number). */
  readonly key: string;
  /** Positive for a sale, negative for a refund, in minor units. */
  readonly amountMinor: number;
}

/**
 * Members' qualifying spend per calendar month. A bucket is updated under its lock (FerretDB
 * v1 loses concurrent updates, ADR 0003) and remembers the keys it counted, so a sale counts
 * once even when two events report it (the feed and a submitted receipt, or a redelivery the
 * inbox did not catch).
 */
@Injectable()
export class QualifyingSpendRepository implements OnModuleInit {
  constructor(
    @InjectModel(SPEND_BUCKET_MODEL) private readonly buckets: Model<SpendBucketDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.buckets.syncIndexes();
  }

  /** Counts an entry in its month; false when its key was counted already. */
  async add(entry: SpendEntry): Promise<boolean> {
    const id = `${entry.memberId}|${entry.month}`;
    return this.locks.withLocks(COLLECTION, [id], async () => {
      if (await this.buckets.exists({ _id: id, keys: entry.key })) return false;
      await this.buckets.updateOne(
        { _id: id },
        { $setOnInsert: { memberId: entry.memberId, month: entry.month }, $inc: { amountMinor: entry.amountMinor }, $push: { keys: entry.key } },
        { upsert: true },
      );
      return true;
    });
  }

  /** The month a sale was counted in for one of these members, if it was. */
  async monthCounted(memberIds: readonly string[], key: string): Promise<Month | undefined> {
    const bucket = await this.buckets.findOne({ keys: key, memberId: { $in: [...memberIds] } }, { month: 1 }).lean<Pick<SpendBucketDocument, 'month'>>();
    return bucket?.month;
  }

  /** The months of these members (a member and the records merged into it) inside a window. */
  async months(memberIds: readonly string[], window: SpendWindow): Promise<MonthSpend[]> {
    const buckets = await this.buckets
      .find({ memberId: { $in: [...memberIds] }, month: { $gte: window.from, $lte: window.to } }, { month: 1, amountMinor: 1 })
      .lean<Pick<SpendBucketDocument, 'month' | 'amountMinor'>[]>();
    return buckets.map((bucket) => ({ month: bucket.month, amountMinor: bucket.amountMinor }));
  }

  /** Forgets the spend of erased members (their receipts are theirs). */
  async forget(memberIds: readonly string[]): Promise<void> {
    await this.buckets.deleteMany({ memberId: { $in: [...memberIds] } });
  }
}
