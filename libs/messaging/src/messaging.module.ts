import { Global, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { NestMicroservice } from '@nestjs/microservices/nest-microservice';
import { allTopics } from '@atrium/contracts';
import { LOGGER, METRICS, type Logger, type Metrics } from '@atrium/observability';
import { EventCodec } from './contract/event-codec';
import { DEFAULT_RETRY_POLICY } from './consumer/failure-policy';
import { InboxRepository } from './consumer/inbox.repository';
import { KafkaEventServer } from './consumer/kafka-event-server';
import { RethrowToConsumerFilter } from './consumer/rethrow-to-consumer.filter';
import { createKafka } from './kafka-factory';
import { KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { OutboxEntryFactory } from './outbox/outbox-entry';
import { OutboxRelay } from './outbox/outbox-relay';
import { EventPublisher } from './publisher/event-publisher';
import { TopicProvisionerService } from './publisher/topic-provisioner.service';

/**
 * Kafka for a service: topics provisioned at start, the outbox relay, the publisher and the
 * inbox. Needs the ObservabilityModule and a mongoose connection (MongooseModule.forRoot).
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KAFKA,
          inject: [LOGGER],
          useFactory: (logger: Logger) => createKafka(options.serviceName, options.brokers, logger),
        },
        { provide: EventCodec, useFactory: () => new EventCodec(options.topics ?? allTopics()) },
        TopicProvisionerService,
        EventPublisher,
        OutboxEntryFactory,
        OutboxRelay,
        InboxRepository,
      ],
      exports: [KAFKA, EventCodec, EventPublisher, OutboxEntryFactory, OutboxRelay, InboxRepository],
    };
  }
}

/**
 * Connects the Kafka consumer runner to a hybrid app; every `@ConsumeEvent` handler in the
 * app's modules starts receiving events after `app.startAllMicroservices()`.
 */
export function connectEventConsumers(app: INestApplication): void {
  const options = app.get<MessagingOptions>(MESSAGING_OPTIONS);
  const codec = app.get(EventCodec);
  const server = new KafkaEventServer({
    kafka: app.get<Kafka>(KAFKA),
    codec,
    inbox: app.get(InboxRepository),
    publisher: app.get(EventPublisher),
    topics: codec.topics,
    consumerGroup: options.consumerGroup ?? options.serviceName,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    logger: app.get<Logger>(LOGGER),
    metrics: app.get<Metrics>(METRICS),
  });
  // Deferred so the filter is in place before the handlers are wired; the app's own init hooks
  // have run (or will), so the microservice must not run them a second time.
  const microservice = app.connectMicroservice({ strategy: server }, { inheritAppConfig: false, deferInitialization: true }) as NestMicroservice;
  microservice.useGlobalFilters(new RethrowToConsumerFilter());
  microservice.setIsInitHookCalled(true);
}
