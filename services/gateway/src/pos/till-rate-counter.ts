import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';
import type { RateWindowCount } from './till-rate-window';

const KEY_PREFIX = 'gateway:till-requests:';

/** Requests per till key in Redis, one fixed window from the window's first request, shared by every replica. */
@Injectable()
export class TillRateCounter {
  constructor(private readonly redis: RedisConnection) {}

  async count(keyId: string, windowSeconds: number): Promise<RateWindowCount> {
    const key = KEY_PREFIX + keyId;
    const results = await this.redis.client.multi().set(key, 0, 'EX', windowSeconds, 'NX').incr(key).pttl(key).exec();
    const values = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    const requests = typeof values[1] === 'number' ? values[1] : 0;
    const millisecondsLeft = typeof values[2] === 'number' ? values[2] : -1;
    return { requests, secondsLeft: millisecondsLeft > 0 ? millisecondsLeft / 1000 : 0 };
  }
}
