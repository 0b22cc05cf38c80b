import { Controller } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Payload } from '@nestjs/microservices';
import type { Connection } from 'mongoose';
import type { MemberRegistered, TopicDefinition } from '@atrium/contracts';
import { InvalidInputError, UnavailableError } from '@atrium/errors';
import { ConsumeEvent, ConsumeEventBatch, type BatchOutcome, type ConsumedEvent } from '../src';

/** Names that make the counting handler misbehave, so tests can drive each failure path. */
export const FAIL_TWICE_THEN_SUCCEED = 'fail-twice';
export const ALWAYS_INVALID = 'always-invalid';

/**
 * A deliberately non-idempotent handler: every call adds 1 to a counter per member. Only the
 * consumer runner's inbox can keep a redelivered event from counting twice.
 */
export function countingHandlerFor(topic: TopicDefinition) {
  @Controller()
  class CountingHandler {
    private readonly failures = new Map<string, number>();

    constructor(@InjectConnection() private readonly connection: Connection) {}

    @ConsumeEvent(topic, 'member.registered')
    async count(@Payload() event: ConsumedEvent<MemberRegistered>): Promise<void> {
      const { memberId, name } = event.payload;
      if (name === ALWAYS_INVALID) throw new InvalidInputError('test.invalid', 'this member can never be counted');
      if (name === FAIL_TWICE_THEN_SUCCEED) {
        const failed = this.failures.get(memberId) ?? 0;
        if (failed < 2) {
          this.failures.set(memberId, failed + 1);
          throw new UnavailableError('test.unavailable', `transient failure ${failed + 1}`);
        }
      }
      await this.connection.collection<{ _id: string; count: number }>('counts').updateOne({ _id: memberId }, { $inc: { count: 1 } }, { upsert: true });
    }
  }
  return CountingHandler;
}

export async function countOf(connection: Connection, memberId: string): Promise<number | undefined> {
  const document = await connection.collection<{ _id: string; count: number }>('counts').findOne({ _id: memberId });
  return document?.count;
}

/**
 * The batch form: one bulk write per batch, still not idempotent by itself, rejecting the
 * events named ALWAYS_INVALID through the BatchOutcome; records each batch's size.
 */
export function batchCountingHandlerFor(topic: TopicDefinition) {
  @Controller()
  class BatchCountingHandler {
    constructor(@InjectConnection() private readonly connection: Connection) {}

    @ConsumeEventBatch(topic, 'member.registered')
    async count(@Payload() events: ConsumedEvent<MemberRegistered>[]): Promise<BatchOutcome> {
      const invalid = events.filter((event) => event.payload.name === ALWAYS_INVALID);
      const valid = events.filter((event) => event.payload.name !== ALWAYS_INVALID);
      if (valid.length > 0) {
        await this.connection.collection<{ _id: string; count: number }>('counts').bulkWrite(
          valid.map((event) => ({ updateOne: { filter: { _id: event.payload.memberId }, update: { $inc: { count: 1 } }, upsert: true } })),
        );
      }
      await this.connection.collection('batches').insertOne({ size: events.length });
      return { rejected: invalid.map((event) => ({ eventId: event.eventId, error: new InvalidInputError('test.invalid', 'this member can never be counted') })) };
    }
  }
  return BatchCountingHandler;
}

export async function largestBatch(connection: Connection): Promise<number> {
  const batches = await connection.collection<{ size: number }>('batches').find().toArray();
  return Math.max(0, ...batches.map((batch) => batch.size));
}
