import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@atrium/service-kit';

const VERSION_KEY = 'gateway:staff-session-version:';
const REVOKED_KEY = 'gateway:revoked-token:';

/** What Redis says about one access token: its account's session version now, and whether it was signed out. */
export interface TokenSessionState {
  readonly currentVersion: number;
  readonly revoked: boolean;
}

/**
 * Staff sessions in Redis, so every replica sees the same at once, without a database call per
 * request. A per-account session version is signed into every access token: deactivating an
 * account or changing its roles or password bumps it, ending every token issued before. Signing
 * out revokes one token by its id (`jti`) until the token would have expired anyway.
 */
@Injectable()
export class StaffSessionsRepository {
  constructor(private readonly redis: RedisConnection) {}

  async currentVersion(username: string): Promise<number> {
    return versionOf(await this.redis.client.get(VERSION_KEY + username));
  }

  /** Both checks of a request in one round trip. */
  async stateOf(username: string, tokenId: string): Promise<TokenSessionState> {
    const [version, revoked] = await this.redis.client.mget(VERSION_KEY + username, REVOKED_KEY + tokenId);
    return { currentVersion: versionOf(version), revoked: revoked !== null };
  }

  async endSessions(username: string): Promise<void> {
    await this.redis.client.incr(VERSION_KEY + username);
  }

  /** Refuses the token from now on; the mark disappears when the token expires, as nothing accepts it then. */
  async revokeToken(tokenId: string, expiresAt: Date): Promise<void> {
    if (expiresAt.getTime() <= Date.now()) return;
    await this.redis.client.set(REVOKED_KEY + tokenId, '1', 'PXAT', expiresAt.getTime());
  }
}

function versionOf(value: string | null): number {
  return value === null ? 0 : Number(value);
}
