import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import type { Reward, RewardKind, RewardStatus } from './reward.entity';
import { REWARD_MODEL, type RewardDocument } from './reward.schema';

const COLLECTION = 'rewards';

export interface RewardFilter {
  readonly status?: RewardStatus;
  readonly kind?: RewardKind;
}

/** The rewards catalogue, as plain objects. Two staff editing one reward at once are serialised by its lock. */
@Injectable()
export class RewardsRepository implements OnModuleInit {
  constructor(
    @InjectModel(REWARD_MODEL) private readonly rewards: Model<RewardDocument>,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.rewards.syncIndexes();
  }

  async insert(reward: Reward): Promise<void> {
    const { id, ...fields } = reward;
    await this.rewards.collection.insertOne(withoutUndefined({ _id: id, ...fields }) as never);
  }

  /**
   * Replaces a reward's definition with what `change` makes of the stored one, under the
   * reward's lock (FerretDB loses concurrent updates of one document); undefined when unknown.
   */
  async update(id: string, change: (current: Reward) => Reward): Promise<Reward | undefined> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const current = await this.findById(id);
      if (!current) return undefined;
      const next = change(current);
      const { id: _id, ...fields } = next;
      await this.rewards.collection.replaceOne({ _id: id } as never, withoutUndefined(fields));
      return next;
    });
  }

  async findById(id: string): Promise<Reward | undefined> {
    const document = await this.rewards.findById(id).lean<RewardDocument>();
    return document ? toReward(document) : undefined;
  }

  async list(filter: RewardFilter): Promise<Reward[]> {
    const documents = await this.rewards
      .find({ ...(filter.status ? { status: filter.status } : {}), ...(filter.kind ? { kind: filter.kind } : {}) })
      .sort({ name: 1, _id: 1 })
      .lean<RewardDocument[]>();
    return documents.map(toReward);
  }
}

/** Optional fields absent rather than null, so a reward reads back as it was written. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function toReward(document: RewardDocument): Reward {
  const { _id, ...rest } = document;
  return { id: _id, ...rest, tiers: rest.tiers ?? [] };
}
