import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { findEachById, onlyDuplicateKeys } from '@atrium/document-batches';

interface InboxRecord {
  _id: string;
  consumerGroup: string;
  eventId: string;
  topic: string;
  type: string;
  processedAt: Date;
}

/**
 * Event ids each consumer group has finished with, in the service's own database, so a
 * redelivered event (after a rebalance, a crash before the offset commit, or a relay that
 * published twice) is recognised and skipped.
 */
@Injectable()
export class InboxRepository implements OnModuleInit {
  private readonly collectionName = 'messaging_inbox';

  constructor(@InjectConnection() private readonly connection: Connection) {}

  /**
   * Creates the collection before any consumer runs: on FerretDB v1 two concurrent first
   * writes into a collection that does not exist yet can fail ("relation does not exist").
   */
  async onModuleInit(): Promise<void> {
    const existing = await this.connection.db?.listCollections({ name: this.collectionName }, { nameOnly: true }).toArray();
    if (existing && existing.length > 0) return;
    try {
      await this.connection.createCollection(this.collectionName);
    } catch (error) {
      // Another replica created it in between: that is all this wanted.
      if ((error as { code?: number }).code !== NAMESPACE_EXISTS) throw error;
    }
  }

  /**
   * The ids among these that the group has finished with. One `_id` equality look-up each
   * (findEachById): `$in` would read the whole inbox on FerretDB, and the inbox holds a record
   * of every event the service ever consumed.
   */
  async findProcessed(consumerGroup: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const found = await findEachById(this.collection(), eventIds.map((eventId) => inboxId(consumerGroup, eventId)), { projection: { eventId: 1 } });
    return new Set([...found.values()].map((record) => record.eventId));
  }

  /**
   * Records the events as finished, in one insert command. A record that exists already (an
   * event handled twice across a crash between the handler and this mark) is what was wanted:
   * duplicate-key refusals are not errors here.
   */
  async markProcessed(consumerGroup: string, events: readonly { eventId: string; topic: string; type: string }[]): Promise<void> {
    if (events.length === 0) return;
    const processedAt = new Date();
    const records = [...new Map(events.map((event) => [event.eventId, event])).values()].map((event) => ({
      _id: inboxId(consumerGroup, event.eventId),
      consumerGroup,
      eventId: event.eventId,
      topic: event.topic,
      type: event.type,
      processedAt,
    }));
    try {
      await this.collection().insertMany(records, { ordered: false });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }

  private collection() {
    return this.connection.collection<InboxRecord>(this.collectionName);
  }
}

const NAMESPACE_EXISTS = 48;

function inboxId(consumerGroup: string, eventId: string): string {
  return `${consumerGroup}:${eventId}`;
}
