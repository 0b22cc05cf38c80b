import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';

/** A counter's state after one more count: how many in the window, and seconds until it resets. */
export interface WindowCount {
  readonly count: number;
  readonly resetsInSeconds: number;
}

// INCR, and start the window's clock on the first count only: later counts must not extend it.
const COUNT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
return { count, ttl }`;

/**
 * The counters that keep codes from being abused, in Redis because they must hold across every
 * replica and under concurrency (a counter document would lose updates on FerretDB v1): codes
 * asked for per phone and per address, tries per code, and which codes were used already.
 */
@Injectable()
export class VerificationLimitsRepository {
  constructor(private readonly redis: RedisConnection) {}

  /** Counts one more event under `key` in a fixed window of `windowSeconds` from its first. */
  async count(key: string, windowSeconds: number): Promise<WindowCount> {
    const [count, ttl] = (await this.redis.client.eval(COUNT_IN_WINDOW, 1, `verification:${key}`, String(windowSeconds))) as [number, number];
    return { count, resetsInSeconds: Math.max(1, ttl) };
  }

  /** Claims a quiet period for `key`: false (with the seconds left) while an earlier claim holds. */
  async claimQuietPeriod(key: string, seconds: number): Promise<{ claimed: true } | { claimed: false; retryAfterSeconds: number }> {
    const redisKey = `verification:${key}`;
    if ((await this.redis.client.set(redisKey, '1', 'EX', seconds, 'NX')) === 'OK') return { claimed: true };
    return { claimed: false, retryAfterSeconds: Math.max(1, await this.redis.client.ttl(redisKey)) };
  }

  /** Gives a quiet period back (the code it was claimed for was never issued). */
  async releaseQuietPeriod(key: string): Promise<void> {
    await this.redis.client.del(`verification:${key}`);
  }

  /** Marks a code used; true only for the first caller, so a code works once even when raced. */
  async markUsed(codeId: string, keepSeconds: number): Promise<boolean> {
    return (await this.redis.client.set(`verification:used:${codeId}`, '1', 'EX', keepSeconds, 'NX')) === 'OK';
  }
}
