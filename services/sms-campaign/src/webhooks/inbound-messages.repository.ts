import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { mongo, type Model } from 'mongoose';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { InboundIntent } from '../inbound/inbound-keywords';
import { INBOUND_MESSAGE_MODEL, type InboundMessageDocument } from './inbound-message.schema';

/** An inbound SMS as recorded (never its body). */
export interface InboundRecord {
  readonly messageSid: string;
  readonly from: string;
  readonly to: string;
  readonly intent: InboundIntent;
  readonly keyword?: string;
  readonly memberId?: string;
  readonly campaignId?: string;
  readonly receivedAt: Date;
}

const DUPLICATE_KEY = 11000;

@Injectable()
export class InboundMessagesRepository implements OnModuleInit {
  constructor(
    @InjectModel(INBOUND_MESSAGE_MODEL) private readonly messages: Model<InboundMessageDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.messages);
    await this.messages.syncIndexes();
  }

  async exists(messageSid: string): Promise<boolean> {
    return (await this.messages.exists({ _id: messageSid })) !== null;
  }

  /**
   * Records the message with the events it announces, in one insert; false when the SID was
   * recorded already (Twilio repeated the webhook), and then nothing is written or published.
   */
  async record(message: InboundRecord, events: readonly OutboxEntry[]): Promise<boolean> {
    const document: Record<string, unknown> = { _id: message.messageSid, outbox: [...events] };
    for (const [field, value] of Object.entries(message)) {
      if (field !== 'messageSid' && value !== undefined) document[field] = value;
    }
    try {
      await (this.messages.collection as unknown as mongo.Collection<InboundMessageDocument>).insertOne(document as unknown as InboundMessageDocument);
    } catch (error) {
      if (error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
    if (events.length > 0) this.relay.nudge();
    return true;
  }
}
