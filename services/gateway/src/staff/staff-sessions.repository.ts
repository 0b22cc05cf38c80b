import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';

const KEY_PREFIX = 'gateway:staff-session-version:';

/**
 * A per-account session version, signed into every access token. Deactivating an account or
 * changing its roles or password bumps the version, so tokens issued before stop working at
 * once on every replica, instead of living on until they expire.
 */
@Injectable()
export class StaffSessionsRepository {
  constructor(private readonly redis: RedisConnection) {}

  async currentVersion(username: string): Promise<number> {
    const value = await this.redis.client.get(KEY_PREFIX + username);
    return value === null ? 0 : Number(value);
  }

  async endSessions(username: string): Promise<void> {
    await this.redis.client.incr(KEY_PREFIX + username);
  }
}
