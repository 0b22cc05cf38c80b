import { EventPattern } from '@nestjs/microservices';
import type { TopicDefinition } from '@atrium/contracts';

/** The pattern under which a handler is registered with NestJS: one topic, one event type. */
export interface EventRoute {
  readonly topic: string;
  readonly type: string;
}

export interface EventHandlerExtras {
  /** The handler takes an array of events (heavy streams: consume in batches, write in bulk). */
  readonly batch: boolean;
  /**
   * The handler is idempotent by a key of its own (a ledger entry id derived from the cause):
   * the runner neither reads nor writes the generic inbox for it, two statements per batch and
   * one per event fewer on FerretDB.
   */
  readonly ownIdempotencyKey?: boolean;
}

/**
 * Marks a method as the handler of one event type on one topic. It receives a
 * `ConsumedEvent<Payload>`, already validated against the contract and not seen before by this
 * consumer group. Throwing a domain error of kind InvalidInput/NotFound/Conflict/NotAllowed
 * dead-letters the event; any other error is retried with backoff.
 */
export function ConsumeEvent(topic: TopicDefinition, type: string): MethodDecorator {
  const extras: EventHandlerExtras = { batch: false };
  return EventPattern({ topic: topic.name, type } satisfies EventRoute, extras);
}

/**
 * Marks a method as the batch handler of one event type: it receives `ConsumedEvent<Payload>[]`
 * and returns a `BatchOutcome` naming the events it rejected (they are dead-lettered one by one).
 * Throwing retries the whole batch, so the handler must be idempotent per event. With
 * `ownIdempotencyKey` the handler alone guards against redeliveries (no inbox).
 */
export function ConsumeEventBatch(topic: TopicDefinition, type: string, options: { ownIdempotencyKey?: boolean } = {}): MethodDecorator {
  const extras: EventHandlerExtras = { batch: true, ...(options.ownIdempotencyKey ? { ownIdempotencyKey: true } : {}) };
  return EventPattern({ topic: topic.name, type } satisfies EventRoute, extras);
}
