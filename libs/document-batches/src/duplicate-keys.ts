/** The server's code for a write refused by a unique index. */
export const DUPLICATE_KEY = 11000;

/**
 * True when a write failed only because documents with those keys exist already: the outcome
 * an idempotent insert (a record of something done once) wants. The driver reports a bulk's
 * refusals as one write error or as an array of them.
 */
export function onlyDuplicateKeys(error: unknown): boolean {
  const { code, writeErrors } = (error ?? {}) as { code?: number; writeErrors?: { code?: number } | { code?: number }[] };
  const refusals = writeErrors === undefined ? [] : [writeErrors].flat();
  if (refusals.length > 0) return refusals.every((refusal) => refusal.code === DUPLICATE_KEY);
  return code === DUPLICATE_KEY;
}

/**
 * A single write refused by a unique index: MongoDB says so with code 11000; FerretDB v1 may
 * pass PostgreSQL's unique violation through as an internal error for an update (an upsert).
 */
export function isDuplicateKey(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: number; message?: string };
  return code === DUPLICATE_KEY || (typeof message === 'string' && message.includes('duplicate key value violates unique constraint'));
}
