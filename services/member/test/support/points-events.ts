import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PointsEarnedSchema, PointsRefundedSchema, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv } from '@atrium/testing';

/** A sale as the points service announces it. */
export interface Sale {
  readonly memberId: string;
  readonly tenantId: string;
  readonly receiptNumber: string;
  readonly amountMinor: number;
  readonly purchasedAt?: Date;
}

/**
 * Plays the points service on its real topic: `points.earned` and `points.refunded`, encoded
 * and checked against their contracts as the points service's outbox would, keyed by member.
 */
export class PointsEventsProducer {
  private readonly codec = new EventCodec([TOPICS.pointsEvents]);
  private readonly kafka = new Kafka({ clientId: `member-test-points-${randomUUID().slice(0, 8)}`, brokers: infraEnv().kafkaBrokers, logLevel: 1 });
  private producer?: Producer;

  async start(): Promise<this> {
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    return this;
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }

  earned(sale: Sale, eventId = randomUUID()): { key: string; value: string } {
    const purchasedAt = sale.purchasedAt ?? new Date();
    const value = this.codec.encode(
      TOPICS.pointsEvents,
      'points.earned',
      PointsEarnedSchema,
      { memberId: sale.memberId, tenantId: sale.tenantId, receiptNumber: sale.receiptNumber, amountMinor: BigInt(sale.amountMinor), currency: 'CNY', points: BigInt(Math.floor(sale.amountMinor / 100)), purchasedAt: timestampFromDate(purchasedAt) },
      { eventId, key: sale.memberId, occurredAt: purchasedAt, producer: 'points', traceId: eventId },
    );
    return { key: sale.memberId, value };
  }

  refunded(sale: Sale, refundNumber: string, amountMinor: number, eventId = randomUUID()): { key: string; value: string } {
    const at = new Date();
    const value = this.codec.encode(
      TOPICS.pointsEvents,
      'points.refunded',
      PointsRefundedSchema,
      { memberId: sale.memberId, tenantId: sale.tenantId, receiptNumber: sale.receiptNumber, refundNumber, amountMinor: BigInt(amountMinor), currency: 'CNY', points: BigInt(Math.floor(amountMinor / 100)), refundedAt: timestampFromDate(at) },
      { eventId, key: sale.memberId, occurredAt: at, producer: 'points', traceId: eventId },
    );
    return { key: sale.memberId, value };
  }

  async send(...messages: { key: string; value: string }[]): Promise<void> {
    await this.producer!.send({ topic: TOPICS.pointsEvents.name, acks: -1, messages });
  }
}

/** The payload of a recorded member event, parsed. */
export function payloadOf<Payload = Record<string, unknown>>(value: string | null): { eventId: string; type: string; payload: Payload } {
  return JSON.parse(value ?? '{}') as { eventId: string; type: string; payload: Payload };
}
