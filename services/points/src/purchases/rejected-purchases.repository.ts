import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { chunkedBulkWrite } from '@atrium/document-batches';

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
  /** The sale's amount, currency, time and category, for refused sales: a receipt submitted later is matched on them. */
  readonly amountMinor?: number;
  readonly currency?: string;
  readonly occurredAt?: Date;
  readonly category?: string;
}

/** One sale by its tenant and receipt number. */
export interface SaleKey {
  readonly tenantId: string;
  readonly receiptNumber: string;
}

interface RejectedPurchaseDocument extends Omit<RejectedPurchase, 'eventId'> {
  _id: string;
}

@Injectable()
export class RejectedPurchasesRepository implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    // A submitted receipt looks for the till's refused sale of the same receipt.
    await this.collection().createIndex({ tenantId: 1, receiptNumber: 1 });
  }

  async record(rejections: readonly RejectedPurchase[]): Promise<void> {
    if (rejections.length === 0) return;
    await chunkedBulkWrite(
      this.collection(),
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
    return documents.map(toRejected);
  }

  /** The refused sales (not refunds) of one receipt of one tenant, with these refusal codes. */
  async salesOf(sale: SaleKey, codes: readonly string[]): Promise<RejectedPurchase[]> {
    const documents = await this.collection()
      .find({ tenantId: sale.tenantId, receiptNumber: sale.receiptNumber, type: 'purchase.recorded', code: { $in: [...codes] } })
      .toArray();
    return documents.map(toRejected);
  }

  private collection() {
    return this.connection.collection<RejectedPurchaseDocument>('rejected_purchases');
  }
}

function toRejected({ _id, ...rest }: RejectedPurchaseDocument): RejectedPurchase {
  return { eventId: _id, ...rest };
}
