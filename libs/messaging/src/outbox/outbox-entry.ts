import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import type { TopicDefinition } from '@atrium/contracts';
import { EventCodec } from '../contract/event-codec';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';

/**
 * An event waiting to be published, stored inside the document whose change it announces so
 * that the change and the event are one atomic write (MongoDB and FerretDB both guarantee
 * single-document atomicity; neither is asked for transactions).
 */
export interface OutboxEntry {
  readonly eventId: string;
  readonly topic: string;
  readonly type: string;
  readonly key: string;
  /** The whole envelope in canonical JSON, validated when the entry was made. */
  readonly value: string;
  readonly createdAt: Date;
}

export interface NewEvent<Schema extends DescMessage> {
  readonly topic: TopicDefinition;
  readonly type: string;
  readonly schema: Schema;
  readonly payload: MessageInitShape<Schema>;
  /** Partition key: the member id for a member's events. */
  readonly key: string;
  readonly traceId?: string;
  readonly occurredAt?: Date;
}

/**
 * Makes outbox entries. Encoding happens here, before the write, so an event that breaks its
 * contract fails the request that caused it instead of blocking the relay later.
 */
@Injectable()
export class OutboxEntryFactory {
  constructor(
    private readonly codec: EventCodec,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  create<Schema extends DescMessage>(event: NewEvent<Schema>): OutboxEntry {
    const eventId = randomUUID();
    const occurredAt = event.occurredAt ?? new Date();
    const value = this.codec.encode(event.topic, event.type, event.schema, event.payload, {
      eventId,
      key: event.key,
      occurredAt,
      producer: this.options.serviceName,
      traceId: event.traceId ?? eventId,
    });
    return { eventId, topic: event.topic.name, type: event.type, key: event.key, value, createdAt: new Date() };
  }
}
