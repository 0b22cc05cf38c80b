import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { SaleKey } from '../purchases/rejected-purchases.repository';
import type { Receipt, ReceiptApproval, ReceiptRejection, ReceiptStatus } from './receipt.entity';
import { RECEIPT_MODEL, type ReceiptDocument } from './receipt.schema';

const DUPLICATE_KEY = 11000;

export interface ReceiptFilter {
  readonly status?: ReceiptStatus;
  readonly memberId?: string;
  readonly tenantId?: string;
  readonly limit: number;
}

/**
 * Receipts, as plain objects. A receipt is inserted once and then changes state once (approved
 * or rejected), under its DocumentLocks lock (ReceiptApprovalService): FerretDB loses concurrent updates.
 */
@Injectable()
export class ReceiptsRepository implements OnModuleInit {
  constructor(@InjectModel(RECEIPT_MODEL) private readonly receipts: Model<ReceiptDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.receipts.syncIndexes();
  }

  /** Stores a new receipt under its keys; false when a unique key (duplicate or daily place) is taken. */
  async insert(receipt: Receipt, keys: { duplicateKey: string; dailySlot: string }): Promise<boolean> {
    const { id, ...fields } = receipt;
    try {
      await this.receipts.collection.insertOne({ _id: id, ...fields, ...keys } as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<Receipt | undefined> {
    const document = await this.receipts.findById(id).lean<ReceiptDocument>();
    return document ? toReceipt(document) : undefined;
  }

  async findByDuplicateKey(duplicateKey: string): Promise<Receipt | undefined> {
    const document = await this.receipts.findOne({ duplicateKey }).lean<ReceiptDocument>();
    return document ? toReceipt(document) : undefined;
  }

  /** Newest first. */
  async list(filter: ReceiptFilter): Promise<Receipt[]> {
    const query: FilterQuery<ReceiptDocument> = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.memberId ? { memberId: filter.memberId } : {}),
      ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    };
    const documents = await this.receipts.find(query).sort({ submittedAt: -1, _id: 1 }).limit(filter.limit).lean<ReceiptDocument[]>();
    return documents.map(toReceipt);
  }

  /** Pending receipts of any of these sales, in one query (the feed asks once per batch). */
  async findPendingOfSales(sales: readonly SaleKey[]): Promise<Receipt[]> {
    if (sales.length === 0) return [];
    const documents = await this.receipts
      .find({ status: 'pending', $or: sales.map((sale) => ({ tenantId: sale.tenantId, receiptNumber: sale.receiptNumber })) })
      .lean<ReceiptDocument[]>();
    return documents.map(toReceipt);
  }

  /** Every pending receipt, oldest first, a page at a time (for finishing interrupted approvals). */
  async *streamPending(pageSize = 500): AsyncGenerator<Receipt[]> {
    let after: Date | undefined;
    let afterId = '';
    for (;;) {
      const page = await this.receipts
        .find({
          status: 'pending',
          ...(after ? { $or: [{ submittedAt: { $gt: after } }, { submittedAt: after, _id: { $gt: afterId } }] } : {}),
        })
        .sort({ submittedAt: 1, _id: 1 })
        .limit(pageSize)
        .lean<ReceiptDocument[]>();
      if (page.length === 0) return;
      yield page.map(toReceipt);
      const last = page[page.length - 1];
      after = last.submittedAt;
      afterId = last._id;
    }
  }

  /** Pending → approved; the caller holds the receipt's lock. */
  async markApproved(id: string, approval: ReceiptApproval): Promise<Receipt> {
    return this.decide(id, { status: 'approved', approval });
  }

  /** Pending → rejected; the caller holds the receipt's lock. */
  async markRejected(id: string, rejection: ReceiptRejection): Promise<Receipt> {
    return this.decide(id, { status: 'rejected', rejection });
  }

  private async decide(id: string, change: { status: ReceiptStatus; approval?: ReceiptApproval; rejection?: ReceiptRejection }): Promise<Receipt> {
    const document = await this.receipts
      .findOneAndUpdate({ _id: id, status: 'pending' }, { $set: change }, { new: true })
      .lean<ReceiptDocument>();
    if (!document) throw new Error(`receipt ${id} was not pending when its decision was written`);
    return toReceipt(document);
  }
}

function toReceipt(document: ReceiptDocument): Receipt {
  const { _id, duplicateKey: _duplicateKey, dailySlot: _dailySlot, ...rest } = document;
  return { id: _id, ...rest };
}
