import type { mongo } from 'mongoose';
import { inParallel } from './in-parallel';

/**
 * How many look-ups one call has in flight. Each holds one of FerretDB's PostgreSQL
 * connections (a pool shared by every service), so it stays small.
 */
const LOOKUPS_IN_FLIGHT = 16;

/**
 * The documents with these ids, found one equality query each. FerretDB v1 pushes `_id`
 * equality down to PostgreSQL (a few milliseconds) but runs `{ _id: { $in: [...] } }` by
 * reading and decoding every document of the collection: 600 ms at 20,000 records, growing
 * with the collection (docs/adr/0004). Duplicated ids are asked once; missing ones are absent.
 */
export async function findEachById<Schema extends { _id: string }>(
  collection: mongo.Collection<Schema>,
  ids: Iterable<string>,
  options: mongo.FindOptions = {},
): Promise<Map<string, Schema>> {
  return findEachByField(collection, '_id', ids, options);
}

/**
 * The documents whose scalar `field` equals one of the values, one equality query per value
 * (FerretDB pushes scalar equality down; `$in` and `$or` it does not). Keyed by the value
 * asked for; where several documents share a value, the first found is kept.
 */
export async function findEachByField<Schema extends mongo.Document>(
  collection: mongo.Collection<Schema>,
  field: string,
  values: Iterable<string>,
  options: mongo.FindOptions = {},
): Promise<Map<string, Schema>> {
  const distinct = [...new Set(values)];
  const found = await inParallel(distinct, LOOKUPS_IN_FLIGHT, (value) =>
    collection.findOne({ [field]: value } as mongo.Filter<Schema>, options) as Promise<Schema | null>,
  );
  const byValue = new Map<string, Schema>();
  distinct.forEach((value, index) => {
    const document = found[index];
    if (document) byValue.set(value, document);
  });
  return byValue;
}
