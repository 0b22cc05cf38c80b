import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';
import type { FailureCount } from './login-rate-limit';

const USER_KEY = 'gateway:login-failures:user:';
const ADDRESS_KEY = 'gateway:login-failures:address:';

/**
 * Failed-login counters in Redis, so every replica counts the same failures. Each counter
 * lives for one window from its first failure and then disappears.
 */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly redis: RedisConnection) {}

  async read(username: string, address: string): Promise<{ user: FailureCount; address: FailureCount }> {
    const results = await this.redis.client
      .multi()
      .get(USER_KEY + username)
      .pttl(USER_KEY + username)
      .get(ADDRESS_KEY + address)
      .pttl(ADDRESS_KEY + address)
      .exec();
    const values = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    return { user: countOf(values[0], values[1]), address: countOf(values[2], values[3]) };
  }

  /** Counts one failure against both; the first failure of a window starts its expiry. */
  async record(username: string, address: string, windowSeconds: number): Promise<void> {
    const results = await this.redis.client
      .multi()
      .set(USER_KEY + username, 0, 'EX', windowSeconds, 'NX')
      .incr(USER_KEY + username)
      .set(ADDRESS_KEY + address, 0, 'EX', windowSeconds, 'NX')
      .incr(ADDRESS_KEY + address)
      .exec();
    for (const [error] of results ?? []) if (error) throw error;
  }

  /** A successful login forgives the username's failures (not the address's: one good account must not unlock a sprayer). */
  async forgetUser(username: string): Promise<void> {
    await this.redis.client.del(USER_KEY + username);
  }
}

function countOf(value: unknown, pttl: unknown): FailureCount {
  const failures = typeof value === 'string' ? Number(value) : 0;
  const millisecondsLeft = typeof pttl === 'number' ? pttl : -1;
  return { failures: Number.isFinite(failures) ? failures : 0, secondsLeft: millisecondsLeft > 0 ? millisecondsLeft / 1000 : 0 };
}
