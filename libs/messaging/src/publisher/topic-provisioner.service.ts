import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { LOGGER, type Logger } from '@atrium/observability';
import { EventCodec } from '../contract/event-codec';
import { KAFKA } from '../messaging-options';
import { provisionTopics } from './topic-provisioner';

/** Creates the topics this process uses before anything publishes or consumes. */
@Injectable()
export class TopicProvisionerService implements OnModuleInit {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly codec: EventCodec,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const created = await provisionTopics(this.kafka, this.codec.topics);
    if (created.length > 0) this.logger.info({ created }, 'created topics');
  }
}
