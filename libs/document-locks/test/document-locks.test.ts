import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { infraEnv } from '@atrium/testing';
import { DocumentLocks } from '../src';

/**
 * On the real FerretDB and Redis: concurrent updates of one document all count when every
 * writer holds the document's lock (without it FerretDB v1 loses some: docs/adr/0003).
 */
describe('document locks on the real FerretDB and Redis', () => {
  const env = infraEnv();
  const redis = new Redis(env.redisUrl);
  const mongo = new MongoClient(env.mongoUrl, { maxPoolSize: 20 });
  const databaseName = `atrium_test_locks_${randomUUID().slice(0, 8)}`;
  const counters = () => mongo.db(databaseName).collection<{ _id: string; n: number }>('counters');

  afterAll(async () => {
    await mongo.db(databaseName).dropDatabase();
    await mongo.close();
    redis.disconnect();
  });

  it('keeps every one of many concurrent updates of one document', async () => {
    // Two kinds of update racing on one document: the mix that loses writes on FerretDB v1.
    // Many waiters on one lock: generous waiting, since this checks correctness, not speed.
    const locks = new DocumentLocks(redis, `test-${randomUUID()}`, { waitMs: 120_000 });
    await counters().insertOne({ _id: 'locked', n: 0, list: [] } as never);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => [
        locks.withLocks('counters', ['locked'], () => counters().updateOne({ _id: 'locked' }, { $inc: { n: 1 } })),
        locks.withLocks('counters', ['locked'], () => counters().updateOne({ _id: 'locked' }, { $push: { list: i } })),
      ]).flat(),
    );
    const document = (await counters().findOne({ _id: 'locked' })) as unknown as { n: number; list: number[] };
    expect(document.n).toBe(60);
    expect(document.list).toHaveLength(60);
  });

  it('takes several documents all or nothing, and a second holder waits', async () => {
    const locks = new DocumentLocks(redis, `test-${randomUUID()}`);
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = locks.withLocks('accounts', ['a', 'b'], async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = locks.withLocks('accounts', ['b', 'c'], () => Promise.resolve(order.push('second in')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('gives up with a retryable error when a lock is held too long', async () => {
    const locks = new DocumentLocks(redis, `test-${randomUUID()}`, { waitMs: 100 });
    let release: () => void = () => undefined;
    const holder = locks.withLocks('accounts', ['x'], () => new Promise<void>((resolve) => (release = resolve)));
    await expect(locks.withLocks('accounts', ['x'], () => Promise.resolve())).rejects.toMatchObject({ code: 'locks.timeout' });
    release();
    await holder;
  });
});
