import { setTimeout as sleep } from 'node:timers/promises';
import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf, type TopicDefinition } from '@atrium/contracts';
import type { Logger, Metrics } from '@atrium/observability';
import { ContractViolationError } from '../contract/contract-violation.error';
import type { EventCodec } from '../contract/event-codec';
import type { RetryPolicy } from '../messaging-options';
import type { EventPublisher } from '../publisher/event-publisher';
import type { EventHandlerExtras, EventRoute } from './consume-event.decorator';
import type { BatchOutcome, ConsumedEvent } from './consumed-event';
import { deadLetterMessage } from './dead-letter';
import { decideAfterFailure } from './failure-policy';
import type { InboxRepository } from './inbox.repository';

export interface KafkaEventServerDeps {
  readonly kafka: Kafka;
  readonly codec: EventCodec;
  readonly inbox: InboxRepository;
  readonly publisher: EventPublisher;
  readonly topics: readonly TopicDefinition[];
  readonly consumerGroup: string;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

interface Route {
  readonly handler: MessageHandler;
  readonly batch: boolean;
  /** False for a handler idempotent by its own key: no inbox look-up or record. */
  readonly inbox: boolean;
}

/** One step of a fetched batch, handled in offset order. */
type Step =
  | { readonly kind: 'skip'; readonly message: KafkaMessage }
  | { readonly kind: 'invalid'; readonly message: KafkaMessage; readonly error: ContractViolationError }
  | { readonly kind: 'single'; readonly route: Route; readonly message: KafkaMessage; readonly event: ConsumedEvent }
  | { readonly kind: 'batch'; readonly route: Route; readonly messages: KafkaMessage[]; readonly events: ConsumedEvent[] };

/** What a handler's context holds: where the event came from ([topic, partition, offset]). */
export class KafkaEventContext extends BaseRpcContext<[string, number, string]> {}

/**
 * The consumer runner every service uses, plugged into NestJS as a custom transport so a
 * service is one hybrid app (HTTP + Kafka). For every message, in order per partition:
 * validate against the contract (a violation goes to `<topic>.dlq`), skip event ids this
 * group already processed (inbox), run the handler, retry transient failures with backoff,
 * dead-letter what can never succeed, and only then let the offset be committed.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumers: Consumer[] = [];
  private readonly log: Logger;

  constructor(private readonly deps: KafkaEventServerDeps) {
    super();
    this.log = deps.logger.child({ component: 'kafka-consumer', group: deps.consumerGroup });
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }

  private routes(): Map<string, Route> {
    const routes = new Map<string, Route>();
    for (const [pattern, handler] of this.getHandlers()) {
      const route = JSON.parse(pattern) as EventRoute;
      const extras = handler.extras as EventHandlerExtras | undefined;
      if (!this.deps.topics.some((topic) => topic.name === route.topic)) {
        throw new Error(`handler for ${route.type} listens to ${route.topic}, which is not in the topic registry`);
      }
      routes.set(routeKey(route.topic, route.type), { handler, batch: extras?.batch ?? false, inbox: extras?.ownIdempotencyKey !== true });
    }
    return routes;
  }

  /**
   * One kafkajs consumer per topic, each in its own group (`<group>.<topic>`): kafkajs hands
   * out a fetch's batches together and fetches again only when all are done, so a backlog on
   * one topic (the purchase feed) would otherwise hold up every other (member registrations).
   */
  private async start(): Promise<void> {
    const routes = this.routes();
    const topics = [...new Set([...routes.keys()].map((key) => key.split('#')[0]))];
    for (const topic of topics) {
      const consumer = this.deps.kafka.consumer({
        groupId: `${this.deps.consumerGroup}.${topic}`,
        allowAutoTopicCreation: false,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        maxWaitTimeInMs: 250,
      });
      this.consumers.push(consumer);
      await consumer.connect();
      // A new consumer group (a new service) starts from the oldest retained event.
      await subscribeWhenKnown(consumer, [topic]);
      await consumer.run({
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 3,
        eachBatch: (payload) => this.consume(payload, routes),
      });
    }
    if (topics.length > 0) this.log.info({ topics }, 'consuming');
  }

  private async consume(payload: EachBatchPayload, routes: Map<string, Route>): Promise<void> {
    const { batch } = payload;
    const topic = this.deps.topics.find((candidate) => candidate.name === batch.topic);
    if (!topic) throw new Error(`no definition for topic ${batch.topic}`);
    for (const step of this.plan(topic, batch.partition, batch.messages, routes)) {
      if (!payload.isRunning() || payload.isStale()) return;
      await whileHeartbeating(payload, () => this.run(step, batch.topic, batch.partition, payload));
      const last = step.kind === 'batch' ? step.messages[step.messages.length - 1] : step.message;
      payload.resolveOffset(last.offset);
      await payload.commitOffsetsIfNecessary();
    }
  }

  /** Decodes the fetched messages and groups consecutive events for batch handlers. */
  private plan(topic: TopicDefinition, partition: number, messages: KafkaMessage[], routes: Map<string, Route>): Step[] {
    const steps: Step[] = [];
    for (const message of messages) {
      let event: ConsumedEvent;
      try {
        const decoded = this.deps.codec.decode(topic, message.value);
        event = { ...decoded, topic: topic.name, partition, offset: message.offset };
      } catch (error) {
        if (!(error instanceof ContractViolationError)) throw error;
        steps.push({ kind: 'invalid', message, error });
        continue;
      }
      const route = routes.get(routeKey(topic.name, event.type));
      const previous = steps[steps.length - 1];
      if (!route) steps.push({ kind: 'skip', message });
      else if (!route.batch) steps.push({ kind: 'single', route, message, event });
      else if (previous?.kind === 'batch' && previous.route === route && previous.events.length < EVENTS_PER_HANDLER_CALL) {
        previous.messages.push(message);
        previous.events.push(event);
      } else steps.push({ kind: 'batch', route, messages: [message], events: [event] });
    }
    return steps;
  }

  private async run(step: Step, topic: string, partition: number, payload: EachBatchPayload): Promise<void> {
    switch (step.kind) {
      case 'skip':
        return;
      case 'invalid':
        this.log.warn({ topic, partition, offset: step.message.offset, reason: step.error.message }, 'message breaks its contract');
        return this.deadLetter(topic, partition, step.message, { reason: step.error.message, code: step.error.code, attempts: 1 });
      case 'single':
        return this.runSingle(step.route, step.event, step.message, payload);
      case 'batch':
        return this.runBatch(step.route, step.events, step.messages, payload);
    }
  }

  private async runSingle(route: Route, event: ConsumedEvent, message: KafkaMessage, payload: EachBatchPayload): Promise<void> {
    const { consumerGroup, inbox } = this.deps;
    if ((await inbox.findProcessed(consumerGroup, [event.eventId])).has(event.eventId)) {
      this.deps.metrics.eventsConsumed.inc({ topic: event.topic, outcome: 'duplicate' });
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await this.invoke(route.handler, event, event);
        await inbox.markProcessed(consumerGroup, [event]);
        this.deps.metrics.eventsConsumed.inc({ topic: event.topic, outcome: 'handled' });
        return;
      } catch (error) {
        const decision = decideAfterFailure(error, attempt, this.deps.retry);
        if (decision.action === 'retry') {
          this.log.warn({ err: error, eventId: event.eventId, type: event.type, attempt }, 'handler failed; retrying');
          this.deps.metrics.eventsConsumed.inc({ topic: event.topic, outcome: 'retried' });
          await this.pause(decision.delayMs, payload);
          continue;
        }
        await this.deadLetter(event.topic, event.partition, message, { ...decision, attempts: attempt });
        await inbox.markProcessed(consumerGroup, [event]);
        return;
      }
    }
  }

  private async runBatch(route: Route, events: ConsumedEvent[], messages: KafkaMessage[], payload: EachBatchPayload): Promise<void> {
    const { consumerGroup } = this.deps;
    const inbox = route.inbox ? this.deps.inbox : undefined;
    const done = inbox ? await inbox.findProcessed(consumerGroup, events.map((event) => event.eventId)) : new Set<string>();
    // A redelivered copy can sit in the same batch as its original: keep the first of each id.
    const fresh = events.filter((event) => {
      if (done.has(event.eventId)) return false;
      done.add(event.eventId);
      return true;
    });
    const duplicates = events.length - fresh.length;
    if (duplicates > 0) this.deps.metrics.eventsConsumed.inc({ topic: events[0].topic, outcome: 'duplicate' }, duplicates);
    if (fresh.length === 0) return;
    const messageOf = new Map<string, KafkaMessage>();
    events.forEach((event, index) => messageOf.has(event.eventId) || messageOf.set(event.eventId, messages[index]));
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = (await this.invoke(route.handler, fresh, fresh[0])) as BatchOutcome | undefined;
        for (const rejected of outcome?.rejected ?? []) {
          const decision = decideAfterFailure(rejected.error, this.deps.retry.maxAttempts, this.deps.retry);
          const reason = decision.action === 'dead-letter' ? decision : { reason: rejected.error.message, code: 'rejected' };
          await this.deadLetter(fresh[0].topic, fresh[0].partition, messageOf.get(rejected.eventId)!, { ...reason, attempts: attempt });
        }
        await inbox?.markProcessed(consumerGroup, fresh);
        this.deps.metrics.eventsConsumed.inc({ topic: fresh[0].topic, outcome: 'handled' }, fresh.length);
        return;
      } catch (error) {
        const decision = decideAfterFailure(error, attempt, this.deps.retry);
        if (decision.action === 'retry') {
          this.log.warn({ err: error, events: fresh.length, attempt }, 'batch handler failed; retrying');
          await this.pause(decision.delayMs, payload);
          continue;
        }
        for (const event of fresh) {
          await this.deadLetter(event.topic, event.partition, messageOf.get(event.eventId)!, { ...decision, attempts: attempt });
        }
        await inbox?.markProcessed(consumerGroup, fresh);
        return;
      }
    }
  }

  private async invoke(handler: MessageHandler, data: unknown, origin: ConsumedEvent): Promise<unknown> {
    const context = new KafkaEventContext([origin.topic, origin.partition, origin.offset]);
    const result: unknown = await handler(data, context);
    return new Promise((resolve, reject) => {
      let last: unknown;
      this.transformToObservable(result).subscribe({ next: (value) => (last = value), error: reject, complete: () => resolve(last) });
    });
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    why: { reason: string; code: string; attempts: number },
  ): Promise<void> {
    const source = { topic, partition, consumerGroup: this.deps.consumerGroup };
    await this.deps.publisher.sendRaw(deadLetterTopicOf(topic), deadLetterMessage(source, message, why));
    this.deps.metrics.eventsConsumed.inc({ topic, outcome: 'dead-lettered' });
    this.log.warn({ topic, partition, offset: message.offset, code: why.code, reason: why.reason }, 'event dead-lettered');
  }

  /** Waits out a backoff while telling the group coordinator this consumer is alive. */
  private async pause(delayMs: number, payload: EachBatchPayload): Promise<void> {
    const until = Date.now() + delayMs;
    while (Date.now() < until) {
      await sleep(Math.min(1_000, until - Date.now()));
      await payload.heartbeat();
    }
  }
}

const TOPIC_WAIT_MS = 30_000;

/**
 * The most events one batch handler call gets. A fetch can bring thousands (1 MB per
 * partition); handed over in slices, each slice's offsets are committed when it is done, so
 * a crash or a rebalance repeats at most one slice, and no call runs for minutes.
 */
const EVENTS_PER_HANDLER_CALL = 500;

/** How often a consumer busy with one step tells the group coordinator it is alive. */
const HEARTBEAT_EVERY_MS = 3_000;

/**
 * Runs a step while heartbeating: kafkajs heartbeats only between calls, and a step slower
 * than the session timeout (30 s; a slice of sales on a loaded machine, or a handler waiting
 * on locks) would otherwise get the consumer thrown out of its group and the whole fetch
 * delivered again to the next one. A failed heartbeat (a rebalance under way) is left for
 * the step's own offset commit to report.
 */
async function whileHeartbeating<T>(payload: EachBatchPayload, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    payload.heartbeat().catch(() => undefined);
  }, HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Subscribes once the broker serves every topic. Right after another service created a topic
 * on a fresh broker, a metadata request can still answer "does not host this
 * topic-partition" for a moment; that is worth waiting out, not a reason to crash.
 */
async function subscribeWhenKnown(consumer: Consumer, topics: string[]): Promise<void> {
  const deadline = Date.now() + TOPIC_WAIT_MS;
  for (;;) {
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      return;
    } catch (error) {
      const unknownTopic = (error as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';
      if (!unknownTopic || Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

function routeKey(topic: string, type: string): string {
  return `${topic}#${type}`;
}
