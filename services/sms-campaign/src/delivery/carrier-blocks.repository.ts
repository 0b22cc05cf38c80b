import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CarrierBlockChangedSchema, TOPICS } from '@atrium/contracts';
import { DocumentLocks } from '@atrium/document-locks';
import { OutboxEntryFactory, OutboxRelay } from '@atrium/messaging';
import { nextCarrierBlock, type CarrierBlockState } from './carrier-block';
import { CARRIER_BLOCK_MODEL, CARRIER_BLOCKS_COLLECTION, type CarrierBlockDocument } from './carrier-block.schema';

/** What told us about a phone's block, for the event (`twilio-error-21610`, `sms-reply:START`). */
export interface CarrierBlockReport {
  readonly phone: string;
  readonly memberId?: string;
  readonly at: Date;
  readonly cause: string;
}

/**
 * Phones the carrier blocks, each with the `sms.carrier-block-changed` event of every change in
 * the same document, so the member service learns of each block and lift exactly as stored.
 * The sender (a 21610) and an inbound START may change one phone at once: both write under
 * the phone's lock (FerretDB loses concurrent updates, ADR 0003).
 */
@Injectable()
export class CarrierBlocksRepository implements OnModuleInit {
  constructor(
    @InjectModel(CARRIER_BLOCK_MODEL) private readonly blocks: Model<CarrierBlockDocument>,
    private readonly relay: OutboxRelay,
    private readonly outbox: OutboxEntryFactory,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.blocks);
    await this.blocks.syncIndexes();
  }

  /** Twilio refused a message to the phone with 21610; false when it was known blocked already. */
  block(report: CarrierBlockReport): Promise<boolean> {
    return this.change(report, true);
  }

  /** The shopper texted START (which lifts Twilio's block); false when the phone was not known blocked. */
  lift(report: CarrierBlockReport): Promise<boolean> {
    return this.change(report, false);
  }

  private async change(report: CarrierBlockReport, blocked: boolean): Promise<boolean> {
    const changed = await this.locks.withLocks(CARRIER_BLOCKS_COLLECTION, [report.phone], async () => {
      const document = await this.blocks.findById(report.phone, { outbox: 0 }).lean<CarrierBlockDocument>();
      const current: CarrierBlockState | undefined = document ? { blocked: document.blocked, changedAt: document.changedAt } : undefined;
      const next = nextCarrierBlock(current, { blocked, at: report.at });
      if (!next) return false;
      const event = this.outbox.create({
        topic: TOPICS.smsEvents,
        type: 'sms.carrier-block-changed',
        schema: CarrierBlockChangedSchema,
        key: report.phone,
        occurredAt: report.at,
        payload: { phone: report.phone, blocked: next.blocked, memberId: report.memberId ?? '', changedAt: timestampFromDate(next.changedAt), cause: report.cause },
      });
      await this.blocks.updateOne(
        { _id: report.phone },
        {
          $set: { blocked: next.blocked, changedAt: next.changedAt, ...(report.memberId !== undefined ? { memberId: report.memberId } : {}) },
          ...(report.memberId === undefined ? { $unset: { memberId: 1 } } : {}),
          $push: { outbox: event },
        },
        { upsert: true },
      );
      return true;
    });
    if (changed) this.relay.nudge({ collection: CARRIER_BLOCKS_COLLECTION, ids: [report.phone] });
    return changed;
  }
}
