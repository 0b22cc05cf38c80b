import { Injectable } from '@nestjs/common';
import { TillKeyInvalidError, TillKeyNotFoundError } from './pos.errors';
import { issueTillKey, parseTillKey, secretMatches } from './till-api-key';
import type { TillKey } from './till-key.entity';
import { TillKeysRepository } from './till-keys.repository';

@Injectable()
export class TillKeysService {
  constructor(private readonly keys: TillKeysRepository) {}

  /** A new key for a tenant's till; the whole key is in the answer and nowhere else. */
  async issue(tenantId: string, label: string, createdBy: string): Promise<TillKey & { apiKey: string }> {
    const issued = issueTillKey();
    const key: TillKey = { keyId: issued.keyId, tenantId, label, createdBy, createdAt: new Date() };
    await this.keys.insert({ ...key, secretHash: issued.secretHash });
    return { ...key, apiKey: issued.apiKey };
  }

  list(tenantId?: string): Promise<TillKey[]> {
    return this.keys.list(tenantId);
  }

  async revoke(keyId: string, by: string): Promise<TillKey> {
    const key = await this.keys.revoke(keyId, by, new Date());
    if (!key) throw new TillKeyNotFoundError(keyId);
    return key;
  }

  /** The working key a till presented, or TillKeyInvalidError. */
  async authenticate(apiKey: string | undefined): Promise<TillKey> {
    const parsed = apiKey === undefined ? undefined : parseTillKey(apiKey);
    if (!parsed) throw new TillKeyInvalidError();
    const stored = await this.keys.findWithHash(parsed.keyId);
    if (!stored || stored.revokedAt || !secretMatches(parsed.secret, stored.secretHash)) throw new TillKeyInvalidError();
    const { secretHash: _hash, ...key } = stored;
    return key;
  }
}
