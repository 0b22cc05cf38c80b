import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The shape of a till's API key: `atk_<key id>_<secret>`; only the secret's hash is stored. */
const KEY_PATTERN = /^atk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedTillKey {
  readonly keyId: string;
  /** Shown to staff once, never stored. */
  readonly apiKey: string;
  readonly secretHash: string;
}

export function issueTillKey(): IssuedTillKey {
  const keyId = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { keyId, apiKey: `atk_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a presented key into its id (for the lookup) and its secret, or undefined when malformed. */
export function parseTillKey(apiKey: string): { keyId: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(apiKey);
  return match ? { keyId: match[1], secret: match[2] } : undefined;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
