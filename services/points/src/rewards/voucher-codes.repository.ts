import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { VOUCHER_CODE_MODEL, type VoucherCodeDocument } from './voucher-code.schema';

const POOLS = 'voucher_pools';
const DUPLICATE_KEY = 11000;

/** A voucher's pool while its lock is held: which codes a redemption holds, and handing codes out or back. */
export interface LockedPool {
  /** The codes handed out to a redemption (voided ones included), in upload order. */
  heldBy(redemptionId: string): Promise<string[]>;
  /** Up to `count` free codes (their record ids), first uploaded first. */
  free(count: number): Promise<string[]>;
  /** Hands out free codes found by `free` to a redemption. */
  handOut(codeIds: readonly string[], redemptionId: string, at: Date): Promise<void>;
  /** Frees the codes of a redemption that never completed (nobody saw them). */
  release(redemptionId: string): Promise<void>;
  /** Voids the codes of a cancelled redemption: they were shown, so they are never handed out again. */
  void(redemptionId: string, at: Date): Promise<void>;
}

export interface PoolCounts {
  readonly free: number;
  readonly handedOut: number;
  readonly voided: number;
}

/**
 * The code pools of digital vouchers. Codes are handed out under the pool's lock (FerretDB
 * would let two concurrent updates claim the same free code), so each goes to one redemption.
 */
@Injectable()
export class VoucherCodesRepository implements OnModuleInit {
  constructor(
    @InjectModel(VOUCHER_CODE_MODEL) private readonly codes: Model<VoucherCodeDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.codes.syncIndexes();
  }

  /** Adds codes to the pool; a code already in it is left as it is. Returns how many were new. */
  async upload(rewardId: string, codes: readonly string[], uploadedBy: string, at: Date): Promise<number> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return 0;
    // The sequence orders handing out; uploads are rare, so a time base keeps later uploads later.
    const base = at.getTime() * 1_000;
    const documents = unique.map((code, index) => ({ _id: `${rewardId}|${code}`, rewardId, code, uploadedAt: at, uploadedBy, sequence: base + index }));
    try {
      const result = await this.codes.collection.insertMany(documents as never[], { ordered: false });
      return result.insertedCount;
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number }[] }).writeErrors ?? [];
      if ((error as { code?: number }).code !== DUPLICATE_KEY && !writeErrors.every((e) => e.code === DUPLICATE_KEY)) throw error;
      return unique.length - writeErrors.length;
    }
  }

  async counts(rewardId: string): Promise<PoolCounts> {
    const [free, handedOut, voided] = await Promise.all([
      this.codes.countDocuments({ rewardId, redemptionId: { $exists: false } }),
      this.codes.countDocuments({ rewardId, redemptionId: { $exists: true }, voidedAt: { $exists: false } }),
      this.codes.countDocuments({ rewardId, voidedAt: { $exists: true } }),
    ]);
    return { free, handedOut, voided };
  }

  async freeCount(rewardId: string): Promise<number> {
    return this.codes.countDocuments({ rewardId, redemptionId: { $exists: false } });
  }

  async freeCounts(rewardIds: readonly string[]): Promise<Map<string, number>> {
    const entries = await Promise.all(rewardIds.map(async (rewardId) => [rewardId, await this.codes.countDocuments({ rewardId, redemptionId: { $exists: false } })] as const));
    return new Map(entries);
  }

  /** The codes handed out to a redemption, in upload order (a read: the codes of a finished redemption no longer change). */
  async codesOf(redemptionId: string): Promise<string[]> {
    return (await this.codes.find({ redemptionId }).sort({ sequence: 1 }).lean<VoucherCodeDocument[]>()).map((code) => code.code);
  }

  async locked<T>(rewardId: string, work: (pool: LockedPool) => Promise<T>): Promise<T> {
    return this.locks.withLocks(POOLS, [rewardId], () =>
      work({
        heldBy: (redemptionId) => this.codesOf(redemptionId),
        free: async (count) => {
          if (count <= 0) return [];
          const free = await this.codes.find({ rewardId, redemptionId: { $exists: false } }, { _id: 1 }).sort({ sequence: 1 }).limit(count).lean<Pick<VoucherCodeDocument, '_id'>[]>();
          return free.map((code) => code._id);
        },
        handOut: async (codeIds, redemptionId, at) => {
          if (codeIds.length > 0) await this.codes.updateMany({ _id: { $in: [...codeIds] }, rewardId }, { $set: { redemptionId, handedOutAt: at } });
        },
        release: async (redemptionId) => {
          await this.codes.updateMany({ rewardId, redemptionId }, { $unset: { redemptionId: 1, handedOutAt: 1 } });
        },
        void: async (redemptionId, at) => {
          await this.codes.updateMany({ rewardId, redemptionId, voidedAt: { $exists: false } }, { $set: { voidedAt: at } });
        },
      }),
    );
  }
}
