import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { ServiceVariables } from '@atrium/config';
import { DocumentLocks } from '@atrium/document-locks';
import { MessagingModule, type MessagingOptions } from '@atrium/messaging';
import { ObservabilityModule, type Logger, type Metrics } from '@atrium/observability';
import { HealthController } from './health/health.controller';
import { ShutdownDeadline } from './shutdown-deadline';
import { ReadinessService } from './health/readiness.service';
import { REDIS_URL, RedisConnection } from './redis.provider';

export interface ServiceKitOptions {
  readonly serviceName: string;
  readonly config: Pick<ServiceVariables, 'KAFKA_BROKERS' | 'MONGO_URL' | 'REDIS_URL' | 'MONGO_DATABASE' | 'KAFKA_CONSUMER_GROUP'>;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly messaging?: Partial<Omit<MessagingOptions, 'serviceName' | 'brokers'>>;
}

/** Each service's database on the shared server: `atrium_<service>`. */
export function databaseNameOf(serviceName: string): string {
  return `atrium_${serviceName.replace(/-/g, '_')}`;
}

/**
 * What every Atrium service has: the logger and metrics, its own MongoDB database, Kafka
 * messaging, Redis, and the health and metrics endpoints.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const { serviceName, config, logger, metrics } = options;
    return {
      module: ServiceKitModule,
      imports: [
        ObservabilityModule.forRoot(logger, metrics),
        MongooseModule.forRoot(config.MONGO_URL, {
          dbName: config.MONGO_DATABASE ?? databaseNameOf(serviceName),
          // FerretDB and a single-node MongoDB alike: fail fast instead of queueing forever.
          serverSelectionTimeoutMS: 10_000,
        }),
        MessagingModule.forRoot({
          serviceName,
          brokers: config.KAFKA_BROKERS,
          ...(config.KAFKA_CONSUMER_GROUP ? { consumerGroup: config.KAFKA_CONSUMER_GROUP } : {}),
          ...options.messaging,
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: REDIS_URL, useValue: config.REDIS_URL },
        RedisConnection,
        ReadinessService,
        // Every service: a graceful stop that hangs (a consumer stuck in a backlog) ends anyway.
        ShutdownDeadline,
        { provide: DocumentLocks, inject: [RedisConnection], useFactory: (redis: RedisConnection) => new DocumentLocks(redis.client, serviceName) },
      ],
      exports: [RedisConnection, DocumentLocks],
    };
  }
}
