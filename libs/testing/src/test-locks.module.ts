import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DocumentLocks } from '@atrium/document-locks';

class LocksConnection implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(redisUrl: string) {
    this.client = new Redis(redisUrl, { maxRetriesPerRequest: null });
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}

/**
 * Document locks on the real Redis for test apps built without the service kit (which
 * provides them in services). Global, like the service kit's, so library modules find them.
 */
@Global()
@Module({})
export class TestLocksModule {
  static forRoot(redisUrl: string): DynamicModule {
    return {
      module: TestLocksModule,
      providers: [
        { provide: LocksConnection, useFactory: () => new LocksConnection(redisUrl) },
        { provide: DocumentLocks, inject: [LocksConnection], useFactory: (connection: LocksConnection) => new DocumentLocks(connection.client, `test-${process.pid}`) },
      ],
      exports: [DocumentLocks],
    };
  }
}
