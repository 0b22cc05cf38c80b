import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { Kafka, Partitioners, type Producer, type RecordMetadata } from 'kafkajs';
import type { Connection } from 'mongoose';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { MemberRegisteredSchema, RegistrationChannel, TOPICS, type TopicDefinition } from '@atrium/contracts';
import { createLogger, Metrics, ObservabilityModule } from '@atrium/observability';
import { infraEnv, TestLocksModule } from '@atrium/testing';
import { connectEventConsumers, EventCodec, MessagingModule } from '../src';
import { batchCountingHandlerFor, countingHandlerFor } from './counting-handler';

/**
 * A consumer app on the real Kafka and FerretDB with a topic, consumer group and database of
 * its own, running the counting handler; plus a raw producer to play the other side.
 */
export class MessagingTestApp {
  readonly topic: TopicDefinition;
  readonly codec: EventCodec;
  readonly kafka: Kafka;
  private app?: INestApplication;
  private producer?: Producer;

  /** `batch`: the handler takes batches of events (ConsumeEventBatch) instead of one at a time. */
  constructor(private readonly mode: { batch: boolean } = { batch: false }) {
    const id = randomUUID().slice(0, 8);
    this.topic = { ...TOPICS.memberEvents, name: `atrium.test.messaging.${id}`, partitions: 2 };
    this.codec = new EventCodec([this.topic]);
    this.kafka = new Kafka({ clientId: 'messaging-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 });
    this.databaseName = `atrium_test_messaging_${id}`;
  }

  readonly databaseName: string;

  async start(): Promise<this> {
    const env = infraEnv();
    const logger = createLogger('messaging-test', 'error');
    @Module({
      imports: [
        ObservabilityModule.forRoot(logger, new Metrics('messaging-test')),
        TestLocksModule.forRoot(env.redisUrl),
        MongooseModule.forRoot(env.mongoUrl, { dbName: this.databaseName }),
        MessagingModule.forRoot({
          serviceName: 'messaging-test',
          brokers: env.kafkaBrokers,
          topics: [this.topic],
          consumerGroup: `test-${this.databaseName}`,
          retry: { maxAttempts: 4, initialDelayMs: 50, maxDelayMs: 200 },
        }),
      ],
      controllers: [this.mode.batch ? batchCountingHandlerFor(this.topic) : countingHandlerFor(this.topic)],
    })
    class TestModule {}
    this.app = await NestFactory.create(TestModule, { logger: false });
    connectEventConsumers(this.app);
    await this.app.init();
    await this.app.startAllMicroservices();
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    return this;
  }

  get connection(): Connection {
    return this.app!.get<Connection>(getConnectionToken());
  }

  /** A valid member.registered envelope, as a producer service would write it. */
  registeredEvent(memberId: string, name = 'Test Member', eventId = randomUUID()): string {
    return this.codec.encode(
      this.topic,
      'member.registered',
      MemberRegisteredSchema,
      { memberId, phone: '+8613800138000', name, channel: RegistrationChannel.DESK, registeredAt: timestampFromDate(new Date()) },
      { eventId, key: memberId, occurredAt: new Date(), producer: 'test', traceId: eventId },
    );
  }

  /** Produces raw values under one key (so they share a partition and keep their order). */
  async produce(key: string, ...values: string[]): Promise<RecordMetadata[]> {
    return this.producer!.send({ topic: this.topic.name, acks: -1, messages: values.map((value) => ({ key, value })) });
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
    await this.connection.dropDatabase().catch(() => undefined);
    await this.app?.close();
  }
}
