import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Admin, Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { KAFKA } from '@atrium/messaging';
import { RedisConnection } from '../redis.provider';

export type CheckResult = { readonly status: 'up' } | { readonly status: 'down'; readonly error: string };

const CHECK_TIMEOUT_MS = 2_000;

/** Whether the three servers a service depends on answer now. */
@Injectable()
export class ReadinessService implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @InjectConnection() private readonly mongo: Connection,
    private readonly redis: RedisConnection,
  ) {}

  async check(): Promise<Record<'kafka' | 'mongodb' | 'redis', CheckResult>> {
    const [kafka, mongodb, redis] = await Promise.all([
      probe(async () => {
        await (await this.kafkaAdmin()).describeCluster();
      }),
      probe(async () => {
        if (!this.mongo.db) throw new Error('not connected');
        await this.mongo.db.admin().ping();
      }),
      probe(async () => {
        await this.redis.client.ping();
      }),
    ]);
    if (kafka.status === 'down') this.admin = undefined;
    return { kafka, mongodb, redis };
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await (await admin?.catch(() => undefined))?.disconnect();
  }

  private kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
    }
    return this.admin;
  }
}

async function probe(check: () => Promise<void>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
