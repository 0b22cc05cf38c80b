import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { mongo, type Model } from 'mongoose';
import type { RecipientStatus } from './campaign-delivery';
import { onlyDuplicateKeys } from '@atrium/document-batches';
import { STATUS_UPDATE_MODEL, type StatusUpdateDocument } from './status-update.schema';

/** A status Twilio reported for a message. */
export interface StatusUpdate {
  readonly messageSid: string;
  readonly status: RecipientStatus;
  readonly errorCode?: number;
  readonly receivedAt: Date;
}

const DUPLICATE_KEY = 11000;

/** Twilio's status callbacks, kept by SID and status (insert-only: no locks needed). */
@Injectable()
export class StatusUpdatesRepository implements OnModuleInit {
  constructor(@InjectModel(STATUS_UPDATE_MODEL) private readonly updates: Model<StatusUpdateDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.updates.syncIndexes();
  }

  /** Keeps a reported status; false when this SID had already reported this status (a repeat). */
  async record(update: StatusUpdate): Promise<boolean> {
    try {
      await (this.updates.collection as unknown as mongo.Collection<StatusUpdateDocument>).insertOne({
        _id: `${update.messageSid}:${update.status}`,
        messageSid: update.messageSid,
        status: update.status,
        ...(update.errorCode !== undefined ? { errorCode: update.errorCode } : {}),
        receivedAt: update.receivedAt,
      });
      return true;
    } catch (error) {
      if (error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /** Keeps many reported statuses in one insert; repeats are left as they are. */
  async recordMany(updates: readonly StatusUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    try {
      await (this.updates.collection as unknown as mongo.Collection<StatusUpdateDocument>).insertMany(
        updates.map((update) => ({
          _id: `${update.messageSid}:${update.status}`,
          messageSid: update.messageSid,
          status: update.status,
          ...(update.errorCode !== undefined ? { errorCode: update.errorCode } : {}),
          receivedAt: update.receivedAt,
        })),
        { ordered: false },
      );
    } catch (error) {
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }

  async forMessage(messageSid: string): Promise<StatusUpdate[]> {
    const documents = await this.updates.find({ messageSid }).lean<StatusUpdateDocument[]>();
    return documents.map((document) => ({
      messageSid: document.messageSid,
      status: document.status as RecipientStatus,
      receivedAt: document.receivedAt,
      ...(typeof document.errorCode === 'number' ? { errorCode: document.errorCode } : {}),
    }));
  }
}
