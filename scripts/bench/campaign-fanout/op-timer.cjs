// Preloaded into the sms-campaign service by `run.mjs --profile` (node -r), never by the service
// itself: wraps, at run time and without touching the service's code, the calls a campaign's
// fan-out spends its time in, and sums their wall time and count:
//
//   freeze (whole)                          CampaignSending.freeze: send-now's start job, the list frozen
//   freeze.stillFreezing                    the progress write after each chunk (campaigns, under its lock)
//   delivery.dispatch                       CampaignDelivery.dispatch: record + queue one chunk of the list
//   delivery.insertNew / counters.ensure    the recipients' bulk insert (+ counters in Redis)
//   sendQueue.add / bullmq addBulk          the jobs, 1,000 per addBulk
//   db <collection>.<op>{<filter keys>}     every MongoDB driver call; `cursor.next` is the member
//                                           stream (time waiting for FerretDB's batches included)
//   redis eval <kind>                       Lua scripts (locks, counters, cap)
//
// Times of concurrent calls add up (dispatch records one chunk while the previous one is being
// queued), so totals can exceed the wall time; `freeze (whole)` is the wall time of the freeze.
// run.mjs asks for the cumulative totals over the IPC channel ({ benchOpsDump: seq }).
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'services', 'sms-campaign', 'dist');
const load = (id) => require(require.resolve(id, { paths: [ROOT] }));

// The service's main.ts loads this first too; the service's decorators need it.
load('reflect-metadata');

const ops = Object.create(null);
function record(key, startNs, items) {
  const entry = ops[key] ?? (ops[key] = { n: 0, ms: 0, items: 0 });
  entry.n += 1;
  entry.ms += Number(process.hrtime.bigint() - startNs) / 1e6;
  entry.items += items ?? 0;
}

/** Replaces proto[name] by a wrapper timing each call; keyOf(this, args) names it, itemsOf counts what it handled. */
function wrap(proto, name, keyOf, itemsOf) {
  const original = proto?.[name];
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
          record(keyOf(this, args), start, itemsOf?.(this, args, value));
          return value;
        },
        (error) => {
          record(`${keyOf(this, args)} (failed)`, start);
          throw error;
        },
      );
    }
    record(keyOf(this, args), start, itemsOf?.(this, args, result));
    return result;
  };
  wrapped.__benchWrapped = true;
  proto[name] = wrapped;
}

const shape = (filter) => (filter && typeof filter === 'object' ? `{${Object.keys(filter).sort().join(',')}}` : '');
const collectionName = (collection) => collection?.collectionName ?? collection?.s?.namespace?.collection ?? '?';

// ---- MongoDB driver (mongoose's queries end here)
const mongodb = load('mongodb');
const Collection = mongodb.Collection.prototype;
for (const name of ['insertOne', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'findOne', 'countDocuments', 'findOneAndUpdate', 'replaceOne']) {
  wrap(Collection, name, (self, args) => `db ${collectionName(self)}.${name}${shape(args[0])}`);
}
wrap(Collection, 'insertMany', (self) => `db ${collectionName(self)}.insertMany`, (self, args) => args[0]?.length ?? 0);
wrap(Collection, 'bulkWrite', (self) => `db ${collectionName(self)}.bulkWrite`, (self, args) => args[0]?.length ?? 0);
const SHAPE = Symbol('benchShape');
const find = Collection.find;
Collection.find = function (filter, ...rest) {
  const cursor = find.call(this, filter, ...rest);
  cursor[SHAPE] = `db ${collectionName(this)}.find${shape(filter)}`;
  return cursor;
};
wrap(mongodb.AbstractCursor.prototype, 'toArray', (self) => `${self[SHAPE] ?? 'db ?'} toArray`, (self, args, value) => value?.length ?? 0);
wrap(mongodb.AbstractCursor.prototype, 'next', (self) => `${self[SHAPE] ?? 'db ?'} cursor.next`, (self, args, value) => (value ? 1 : 0));

// ---- Redis scripts
const { Redis } = load('ioredis');
const evalOriginal = Redis.prototype.eval;
Redis.prototype.eval = function (script, numKeys, ...rest) {
  const start = process.hrtime.bigint();
  const text = String(script);
  const kind = text.includes("'EXISTS'") ? 'lock acquire' : text.includes("'HINCRBY'") ? 'counters' : text.includes("'DEL'") ? 'lock release' : 'other';
  return evalOriginal.call(this, script, numKeys, ...rest).then((value) => {
    record(`redis eval ${kind}`, start);
    return value;
  });
};

// ---- BullMQ
const { Queue } = load('bullmq');
wrap(Queue.prototype, 'addBulk', (self) => `bullmq addBulk ${self.name.split('.')[0]}`, (self, args) => args[0]?.length ?? 0);

// ---- the service's own steps (its build: the same modules main.js loads)
const fromDist = (file) => require(path.join(DIST, file));
const { CampaignSending } = fromDist('campaigns/campaign-sending.service.js');
wrap(CampaignSending.prototype, 'freeze', () => 'freeze (whole)');
wrap(CampaignSending.prototype, 'stillFreezing', () => 'freeze.stillFreezing (progress write)');
const { CampaignDeliveryService } = fromDist('delivery/campaign-delivery.service.js');
wrap(CampaignDeliveryService.prototype, 'dispatch', () => 'delivery.dispatch (record + queue a chunk)', (self, args) => (args[1]?.length ?? 0) + (args[2]?.length ?? 0));
const { RecipientsRepository } = fromDist('delivery/recipients.repository.js');
wrap(RecipientsRepository.prototype, 'insertNew', () => 'delivery.insertNew (insertMany + counters)', (self, args) => args[0]?.length ?? 0);
const { CampaignCountersRepository } = fromDist('delivery/campaign-counters.repository.js');
wrap(CampaignCountersRepository.prototype, 'ensure', () => 'counters.ensure', (self, args) => args[1]?.size ?? 0);
const { SendQueue } = fromDist('delivery/send-queue.js');
wrap(SendQueue.prototype, 'add', () => 'sendQueue.add', (self, args) => args[0]?.length ?? 0);

// run.mjs asks over the IPC channel it opened. The channel must not keep the service alive by itself.
if (process.send) {
  process.channel?.unref();
  process.on('message', (message) => {
    if (message && typeof message.benchOpsDump === 'number') process.send({ benchOps: true, seq: message.benchOpsDump, at: Date.now(), ops });
  });
}
