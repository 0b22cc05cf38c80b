import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** A sale or refund the points service refused, kept for staff to see and fix at the source. */
export interface RejectedPurchase {
  /** The event id: a redelivered rejection is recorded once. */
  readonly eventId: string;
  readonly type: string;
  readonly tenantId: string;
  readonly receiptNumber: string;
  readonly code: string;
  readonly reason: string;
  readonly rejectedAt: Date;
}

interface RejectedPurchaseDocument extends Omit<RejectedPurchase, 'eventId'> {
  _id: string;
}

@Injectable()
export class RejectedPurchasesRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async record(rejections: readonly RejectedPurchase[]): Promise<void> {
    if (rejections.length === 0) return;
    await this.collection().bulkWrite(
      rejections.map(({ eventId, ...rest }) => ({ updateOne: { filter: { _id: eventId }, update: { $setOnInsert: rest }, upsert: true } })),
      { ordered: false },
    );
  }

  async list(filter: { tenantId?: string; limit: number }): Promise<RejectedPurchase[]> {
    const documents = await this.collection()
      .find(filter.tenantId ? { tenantId: filter.tenantId } : {})
      .sort({ rejectedAt: -1 })
      .limit(filter.limit)
      .toArray();
    return documents.map(({ _id, ...rest }) => ({ eventId: _id, ...rest }));
  }

  private collection() {
    return this.connection.collection<RejectedPurchaseDocument>('rejected_purchases');
  }
}
