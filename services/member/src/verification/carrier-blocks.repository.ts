import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { supersedes, type CarrierBlock } from './carrier-block';
import { CARRIER_BLOCK_MODEL, type CarrierBlockDocument } from './carrier-block.schema';

/**
 * The member service's copy of the phones the carrier blocks, kept from the SMS service's
 * `sms.carrier-block-changed` events. One writer per phone: the events are keyed by phone, so
 * one partition, one consumer at a time, carries all of a phone's changes.
 */
@Injectable()
export class CarrierBlocksRepository {
  constructor(@InjectModel(CARRIER_BLOCK_MODEL) private readonly blocks: Model<CarrierBlockDocument>) {}

  /** True while the latest report about `phone` (E.164) says the carrier blocks it. */
  async isBlocked(phone: string): Promise<boolean> {
    const document = await this.blocks.findById(phone).lean<CarrierBlockDocument>();
    return document?.blocked === true;
  }

  /** Keeps `change` unless a newer one is known; false when it changed nothing. */
  async apply(change: CarrierBlock): Promise<boolean> {
    const document = await this.blocks.findById(change.phone).lean<CarrierBlockDocument>();
    const known = document ? { phone: change.phone, blocked: document.blocked, changedAt: document.changedAt } : undefined;
    if (!supersedes(change, known)) return false;
    await this.blocks.replaceOne({ _id: change.phone }, { blocked: change.blocked, changedAt: change.changedAt }, { upsert: true });
    return true;
  }
}
