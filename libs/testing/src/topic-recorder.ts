import { randomUUID } from 'node:crypto';
import type { Consumer, IHeaders, Kafka } from 'kafkajs';
import { deadLetterTopicOf, TOPICS } from '@atrium/contracts';
import { provisionTopics } from '@atrium/messaging';
import { waitFor } from './wait-for';

export interface RecordedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/**
 * Records every message that arrives on some topics from the moment it starts, in its own
 * consumer group, so a test can wait for "a message like this" instead of sleeping.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: readonly string[],
  ) {}

  /**
   * Resolves once partitions are assigned. Reads from the beginning by default: on a topic
   * of the test's own that is exact, where "from the end" could miss a message produced
   * while the starting offsets are still being looked up.
   */
  async start(fromBeginning = true): Promise<this> {
    const consumer = this.kafka.consumer({ groupId: `test-recorder-${randomUUID()}`, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    let assigned = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      assigned = true;
    });
    await consumer.connect();
    // A recorder may start before any service has created the registry's topics (a fresh
    // broker), and a consumer cannot subscribe to a topic that does not exist yet.
    const registered = Object.values(TOPICS).filter((topic) => this.topics.includes(topic.name) || this.topics.includes(deadLetterTopicOf(topic.name)));
    if (registered.length > 0) await provisionTopics(this.kafka, registered);
    await consumer.subscribe({ topics: [...this.topics], fromBeginning });
    await consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: stringHeaders(message.headers),
        });
        return Promise.resolve();
      },
    });
    await waitFor('the recorder to join its group', () => Promise.resolve(assigned ? true : undefined));
    return this;
  }

  async waitForMessage(what: string, matches: (message: RecordedMessage) => boolean, timeoutMs = 20_000): Promise<RecordedMessage> {
    return waitFor(what, () => Promise.resolve(this.messages.find(matches)), timeoutMs);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return result;
}
