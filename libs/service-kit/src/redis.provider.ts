import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

export const REDIS_URL = Symbol('REDIS_URL');

/**
 * The process's Redis connection. `maxRetriesPerRequest: null` is what BullMQ requires of a
 * connection it shares; readiness and counters use the same one.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(REDIS_URL) url: string) {
    this.client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false, enableOfflineQueue: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
