import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { infraEnv, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff } from './support/points-api';

interface AccountBalances {
  available: number;
  pending: number;
  lifetimeEarned: number;
  redeemed: number;
  debt: number;
}

interface EntryView {
  id: string;
  kind: string;
  deltas: Partial<AccountBalances>;
  flag?: string;
}

const SPECIALIST = staff('spec-bo', 'specialist');
const DESK = staff('desk-amy', 'desk');
const LOCATION = 'desk-l1';

/**
 * A refund of a sale whose points were already spent on a gift follows REFUND_POLICY, end to
 * end on the real servers: the sale earns through the feed, its points mature (written as the
 * settlement job will write them: the `mature:` entry and the account's change, under the
 * account's lock), the member redeems them at the desk, and the till refunds the sale.
 */
describe.each([
  ['debt', testPort(13123), { available: 0, pending: 0, lifetimeEarned: 0, redeemed: 150, debt: 150 }, { available: -50, debt: 150 }],
  ['negative-balance', testPort(13124), { available: -150, pending: 0, lifetimeEarned: 0, redeemed: 150, debt: 0 }, { available: -200 }],
] as const)('a refund after a redemption under the %s policy', (policy, port, after, refundDeltas) => {
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-rr-${run}`;
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let member: TestMember;
  let redis: Redis;
  const api = new PointsApi(`http://127.0.0.1:${port}`);
  const balances = async () => (await api.call<AccountBalances>('GET', `/accounts/${member.memberId}`)).body;

  /** What the settlement job's maturing does to a sale's points once its return window is over. */
  async function mature(saleEntryId: string, pointsEarned: number): Promise<void> {
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: env.MONGO_DATABASE }).asPromise();
    try {
      await new DocumentLocks(redis, 'points').withLocks('accounts', [member.memberId], async () => {
        const now = new Date();
        await connection.collection('ledger_entries').insertOne({
          _id: `mature:${saleEntryId}` as never,
          memberId: member.memberId,
          kind: 'maturation',
          deltas: { pending: -pointsEarned, available: pointsEarned },
          cause: { type: 'maturation', saleEntryId },
          occurredAt: now,
          recordedAt: now,
          applied: true,
        });
        await connection.collection('accounts').updateOne({ _id: member.memberId as never }, { $inc: { pending: -pointsEarned, available: pointsEarned } });
      });
    } finally {
      await connection.close();
    }
  }

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-refund-redeemed-${run}`;
    await consumeFromNow(group);
    env = pointsEnv(port, run, group, { REFUND_POLICY: policy });
    points = await startServiceProcess('points', port, env);
    redis = new Redis(infraEnv().redisUrl, { maxRetriesPerRequest: null });
    await api.registerTenant(tenant, 'open');
    [member] = await feed.registerMembers(1);
    await waitFor('the member\'s account with the card', async () => ((await api.account(member.memberId))?.cardNumbers.length === 1 ? true : undefined), 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    redis?.disconnect();
    const queue = new Queue(`points-reservations.${env.MONGO_DATABASE}`, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
    await queue.obliterate({ force: true });
    await queue.close();
    await dropDatabase(run);
  });

  it('takes back what is left, records the rest as the policy says, and flags it for staff', async () => {
    const receiptNumber = `RR-${run}`;
    // 200.00 yuan at the default rule: 200 points, pending.
    await feed.send([feed.saleMessage({ receiptNumber, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 20_000 })]);
    await waitFor('the sale\'s points', async () => ((await balances()).pending === 200 ? true : undefined), 60_000, 250);
    await mature(`earn:${tenant}:${receiptNumber}`, 200);
    expect(await balances()).toMatchObject({ available: 200, pending: 0, lifetimeEarned: 200 });

    const created = await api.call<{ id: string }>('POST', '/rewards', { kind: 'gift', name: 'Thermos', pointsPrice: 150, funding: { by: 'centre' } }, SPECIALIST);
    await api.call('POST', `/rewards/${created.body.id}/stock`, { location: LOCATION, change: 1, reason: 'Delivery' }, SPECIALIST);
    const redeemed = await api.call<{ status: string }>('POST', '/redemptions', { memberId: member.memberId, rewardId: created.body.id, location: LOCATION }, DESK);
    expect(redeemed.body).toMatchObject({ status: 'completed' });
    expect(await balances()).toMatchObject({ available: 50, redeemed: 150 });

    await feed.send([feed.refundMessage({ refundNumber: `RR-${run}-r`, receiptNumber, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 20_000 })]);
    await waitFor('the refund', async () => ((await balances()).lifetimeEarned === 0 ? true : undefined), 60_000, 250);

    expect(await balances()).toMatchObject(after);
    const refund = (await api.call<EntryView[]>('GET', `/ledger/members/${member.memberId}/entries`)).body.find((entry) => entry.kind === 'refund');
    expect(refund).toMatchObject({ id: `refund:${tenant}:RR-${run}-r`, deltas: { ...refundDeltas, lifetimeEarned: -200 } });
    expect(refund?.flag).toBe('refund took back 200 points; 150 had already been spent');
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
  }, 120_000);
});
