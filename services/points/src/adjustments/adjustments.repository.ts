import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Adjustment } from './adjustment.entity';
import { ADJUSTMENT_MODEL, type AdjustmentDocument } from './adjustment.schema';

/** The audit records of staff adjustments, as plain objects. Inserted once; only `applied` changes. */
@Injectable()
export class AdjustmentsRepository implements OnModuleInit {
  constructor(@InjectModel(ADJUSTMENT_MODEL) private readonly adjustments: Model<AdjustmentDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.adjustments.syncIndexes();
  }

  async insert(adjustment: Adjustment): Promise<void> {
    const { id, ...fields } = adjustment;
    await this.adjustments.collection.insertOne({ _id: id, ...fields, applied: false } as never);
  }

  /** Its entry is in the account's balances; idempotent, so a lost concurrent write of the same value is harmless. */
  async markApplied(id: string): Promise<void> {
    await this.adjustments.updateOne({ _id: id }, { $set: { applied: true } });
  }

  async findById(id: string): Promise<Adjustment | undefined> {
    const document = await this.adjustments.findById(id).lean<AdjustmentDocument>();
    return document ? toAdjustment(document) : undefined;
  }

  /** Newest first. */
  async list(filter: { memberId?: string; limit: number }): Promise<Adjustment[]> {
    const documents = await this.adjustments
      .find(filter.memberId ? { memberId: filter.memberId } : {})
      .sort({ at: -1, _id: 1 })
      .limit(filter.limit)
      .lean<AdjustmentDocument[]>();
    return documents.map(toAdjustment);
  }

  async findUnapplied(): Promise<Adjustment[]> {
    return (await this.adjustments.find({ applied: false }).sort({ at: 1 }).lean<AdjustmentDocument[]>()).map(toAdjustment);
  }
}

function toAdjustment(document: AdjustmentDocument): Adjustment {
  const { _id, applied: _applied, ...rest } = document;
  return { id: _id, ...rest };
}
