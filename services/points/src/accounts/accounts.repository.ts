import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { PointsAccount } from './account.entity';
import { ACCOUNT_MODEL, type AccountDocument } from './account.schema';

@Injectable()
export class AccountsRepository implements OnModuleInit {
  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.relay.watch(this.accounts);
  }

  /**
   * Opens the member's account at zero unless it exists. The member id is the document's
   * key, so a redelivered registration can never open a second account, and the event
   * announcing the opening is written only by the write that created the account.
   */
  async openIfAbsent(memberId: string, openedAt: Date, opened: OutboxEntry): Promise<boolean> {
    const result = await this.accounts.updateOne(
      { _id: memberId },
      {
        $setOnInsert: {
          available: 0,
          pending: 0,
          lifetimeEarned: 0,
          redeemed: 0,
          expired: 0,
          openedAt,
          outbox: [opened],
        },
      },
      { upsert: true },
    );
    const created = result.upsertedCount === 1;
    if (created) this.relay.nudge();
    return created;
  }

  async findByMemberId(memberId: string): Promise<PointsAccount | undefined> {
    const document = await this.accounts.findById(memberId, { outbox: 0 }).lean<AccountDocument>();
    if (!document) return undefined;
    const { _id, available, pending, lifetimeEarned, redeemed, expired, openedAt } = document;
    return { memberId: _id, available, pending, lifetimeEarned, redeemed, expired, openedAt };
  }
}
