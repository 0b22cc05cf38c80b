import type { mongo } from 'mongoose';

/**
 * Statements per `update`/`delete` command. FerretDB v1 runs the statements of one command
 * each on its own PostgreSQL connection and holds them all until the command ends: a bulk
 * write of 150 updates took the whole pool (150) and waited forever for one more, and three
 * services' bulk writes of 40-60 updates at once did the same (goroutine dump of 2026-11-27,
 * docs/adr/0004). Inserts go as one statement and are not split.
 */
export const STATEMENTS_PER_COMMAND = 16;

/** What a chunked bulk write did, summed over its commands. */
export interface ChunkedBulkWriteResult {
  readonly insertedCount: number;
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly deletedCount: number;
  readonly upsertedCount: number;
}

/**
 * `collection.bulkWrite` sent as commands of at most STATEMENTS_PER_COMMAND operations, one
 * after the other. Ordered writes stop at the first failing command, as one ordered bulk write
 * would; unordered ones send every command and then throw the first error.
 */
export async function chunkedBulkWrite<Schema extends mongo.Document>(
  collection: mongo.Collection<Schema>,
  operations: readonly mongo.AnyBulkWriteOperation<Schema>[],
  options: mongo.BulkWriteOptions = {},
): Promise<ChunkedBulkWriteResult> {
  const total = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0 };
  let firstError: Error | undefined;
  for (const chunk of chunksOf(operations, STATEMENTS_PER_COMMAND)) {
    try {
      const result = await collection.bulkWrite([...chunk], options);
      total.insertedCount += result.insertedCount;
      total.matchedCount += result.matchedCount;
      total.modifiedCount += result.modifiedCount;
      total.deletedCount += result.deletedCount;
      total.upsertedCount += result.upsertedCount;
    } catch (error) {
      if (options.ordered !== false) throw error;
      firstError ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  if (firstError !== undefined) throw firstError;
  return total;
}

/** Consecutive slices of at most `size` items. */
export function chunksOf<Item>(items: readonly Item[], size: number): Item[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
