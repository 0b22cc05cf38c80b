// Preloaded into the points service by `run.mjs --profile` (node -r), never by the service itself:
// wraps, at run time and without touching the service's code, the calls its time goes into and
// sums their wall time and count:
//
//   db <collection>.<operation>{<filter keys>}   every MongoDB driver call (mongoose goes through it)
//   redis eval acquire|release                   the Lua scripts of DocumentLocks (failed = lock busy)
//   locks.acquire <collection>                   waiting for DocumentLocks (all-or-nothing per batch)
//   consumer.runBatch / codec.decode             the consumer runner: a batch's handler + inbox; decoding
//   publisher.publish / relay.drain              the outbox relay publishing points events
//
// Times of concurrent calls add up (three partitions are consumed at once, and the relay runs
// beside them), so totals can exceed the wall time; compare them with one another.
// run.mjs asks for the cumulative totals over the IPC channel ({ benchOpsDump: seq }).
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const load = (id) => require(require.resolve(id, { paths: [ROOT] }));

// The service's main.ts loads this first too; the libraries' decorators need it.
load('reflect-metadata');

const ops = Object.create(null);
function record(key, startNs, items) {
  const entry = ops[key] ?? (ops[key] = { n: 0, ms: 0, items: 0 });
  entry.n += 1;
  entry.ms += Number(process.hrtime.bigint() - startNs) / 1e6;
  entry.items += items ?? 0;
}

/** Replaces proto[name] by a wrapper timing each call; keyOf(this, args, result) names it. */
function wrap(proto, name, keyOf, itemsOf) {
  const original = proto[name];
  if (typeof original !== 'function' || original.__benchWrapped) return;
  const wrapped = function (...args) {
    const start = process.hrtime.bigint();
    let result;
    try {
      result = original.apply(this, args);
    } catch (error) {
      record(`${keyOf(this, args)} (threw)`, start);
      throw error;
    }
    if (result && typeof result.then === 'function') {
      return result.then(
        (value) => {
          record(keyOf(this, args, value), start, itemsOf?.(this, args, value));
          return value;
        },
        (error) => {
          record(`${keyOf(this, args)} (failed)`, start);
          throw error;
        },
      );
    }
    record(keyOf(this, args, result), start, itemsOf?.(this, args, result));
    return result;
  };
  wrapped.__benchWrapped = true;
  proto[name] = wrapped;
}

const shape = (filter) => {
  if (!filter || typeof filter !== 'object') return '';
  return `{${Object.keys(filter).sort().join(',')}}`;
};
const collectionName = (collection) => collection?.collectionName ?? collection?.s?.namespace?.collection ?? '?';

// ---- MongoDB driver (mongoose's queries end here)
const mongodb = load('mongodb');
const SHAPE = Symbol('benchShape');
const Collection = mongodb.Collection.prototype;
for (const name of ['insertOne', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'findOne', 'countDocuments', 'findOneAndUpdate', 'replaceOne']) {
  wrap(Collection, name, (self, args) => `db ${collectionName(self)}.${name}${shape(args[0])}`);
}
wrap(Collection, 'insertMany', (self) => `db ${collectionName(self)}.insertMany`, (self, args) => args[0]?.length ?? 0);
wrap(
  Collection,
  'bulkWrite',
  (self, args) => {
    const first = args[0]?.[0] ?? {};
    const kind = Object.keys(first)[0] ?? '?';
    const inner = first[kind] ?? {};
    const update = inner.update ? `:${Object.keys(inner.update).sort().join('+')}` : '';
    return `db ${collectionName(self)}.bulkWrite(${kind}${update}${inner.upsert ? ',upsert' : ''})`;
  },
  (self, args) => args[0]?.length ?? 0,
);
const find = Collection.find;
Collection.find = function (filter, ...rest) {
  const cursor = find.call(this, filter, ...rest);
  cursor[SHAPE] = `db ${collectionName(this)}.find${shape(filter)}`;
  return cursor;
};
wrap(mongodb.AbstractCursor.prototype, 'toArray', (self) => self[SHAPE] ?? 'db ?.cursor', (self, args, value) => value?.length ?? 0);

// ---- Redis (DocumentLocks' scripts)
const { Redis } = load('ioredis');
const evalOriginal = Redis.prototype.eval;
Redis.prototype.eval = function (script, numKeys, ...rest) {
  const start = process.hrtime.bigint();
  const kind = String(script).includes("'EXISTS'") ? 'acquire' : String(script).includes("'DEL'") ? 'release' : 'other';
  const result = evalOriginal.call(this, script, numKeys, ...rest);
  return result.then((value) => {
    record(`redis eval ${kind}${kind === 'acquire' && value !== 1 ? ' (busy)' : ''}`, start, Number(numKeys) || 0);
    return value;
  });
};

// ---- the libraries' own steps
const { DocumentLocks } = load('@atrium/document-locks');
wrap(DocumentLocks.prototype, 'acquire', (self, args) => `locks.acquire ${String(args[0]?.[0] ?? '').split(':')[2] ?? '?'}`, (self, args) => args[0]?.length ?? 0);
wrap(DocumentLocks.prototype, 'withLocks', (self, args) => `locks.withLocks ${args[0]} (incl. work)`, (self, args) => args[1]?.length ?? 0);

const messaging = load('@atrium/messaging');
wrap(messaging.KafkaEventServer.prototype, 'runBatch', (self, args) => `consumer.runBatch ${args[1]?.[0]?.type ?? '?'} (handler+inbox)`, (self, args) => args[1]?.length ?? 0);
wrap(messaging.KafkaEventServer.prototype, 'consume', () => 'consumer.eachBatch (decode+runBatch+commit)', (self, args) => args[0]?.batch?.messages?.length ?? 0);
wrap(messaging.EventCodec.prototype, 'decode', () => 'codec.decode');
wrap(messaging.EventPublisher.prototype, 'publish', () => 'publisher.publish (outbox relay)', (self, args) => args[0]?.length ?? 0);
wrap(messaging.OutboxRelay.prototype, 'drain', () => 'relay.drain');

// run.mjs asks over the IPC channel it opened (a signal would stop the service: Nest's shutdown
// hooks listen to SIGUSR2 as well). The channel must not keep the service alive by itself.
if (process.send) {
  process.channel?.unref();
  process.on('message', (message) => {
    if (message && typeof message.benchOpsDump === 'number') process.send({ benchOps: true, seq: message.benchOpsDump, at: Date.now(), ops });
  });
}
