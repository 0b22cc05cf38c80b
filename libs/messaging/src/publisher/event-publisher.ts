import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { METRICS, type Metrics } from '@atrium/observability';
import { KAFKA } from '../messaging-options';
import type { OutboxEntry } from '../outbox/outbox-entry';

/**
 * The one way Atrium puts events on Kafka. Entries arrive already encoded and validated
 * (see OutboxEntryFactory); the publisher waits for every in-sync replica before it reports
 * success, because the outbox relay deletes what it was told was published.
 */
@Injectable()
export class EventPublisher implements OnModuleDestroy {
  private producer?: Promise<Producer>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  async publish(entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, OutboxEntry[]>();
    for (const entry of entries) byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicEntries]) => ({
        topic,
        messages: topicEntries.map((entry) => ({
          key: entry.key,
          value: entry.value,
          headers: { 'event-id': entry.eventId, 'event-type': entry.type },
        })),
      })),
    });
    for (const entry of entries) this.metrics.eventsPublished.inc({ topic: entry.topic, type: entry.type });
  }

  /** Sends raw bytes to a topic; only for dead letters, which keep the original bytes. */
  async sendRaw(topic: string, message: { key: Buffer | string | null; value: Buffer | string | null; headers: Record<string, string | Buffer> }): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({ topic, acks: -1, messages: [message] });
  }

  async onModuleDestroy(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer).disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        // Java-compatible murmur2, so a key lands on the same partition whoever produces it.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.producer = producer.connect().then(
        () => producer,
        (error: unknown) => {
          this.producer = undefined;
          throw error;
        },
      );
    }
    return this.producer;
  }
}
