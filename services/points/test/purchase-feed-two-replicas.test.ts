import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { infraEnv, registerTenantsInPoints, signedFetch, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, pointsEnv } from './support/points-api';

interface Account {
  memberId: string;
  pending: number;
  lifetimeEarned: number;
  cardNumbers: string[];
}

interface StoredEntry {
  _id: string;
  memberId: string;
  kind: string;
  deltas: { lifetimeEarned?: number };
}

/**
 * Two points processes in one consumer group share the purchase feed's partitions, as two
 * replicas do; one is killed with SIGKILL in the middle of a burst (its partitions go to the
 * other, which redelivers what the killed one had not committed). The sales are keyed by card,
 * and one member has two cards, so both processes can post to that member's account at once.
 * Counting in the database: every sale has exactly one ledger entry, and every account's
 * balance is the sum of its sales' points.
 */
describe('the purchase feed shared by two points processes, one killed mid-burst', () => {
  const ports = [testPort(13106), testPort(13107)];
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-two-${run}`;
  const group = `points-test-two-${run}`;
  let processes: (ServiceProcess | undefined)[] = [];
  let feed: Feed;
  let members: TestMember[];
  let connection: mongoose.Connection;
  const url = (index: number) => `http://127.0.0.1:${ports[index]}`;
  const start = (index: number) => startServiceProcess('points', ports[index], pointsEnv(ports[index], run, group));

  async function account(memberId: string): Promise<Account | undefined> {
    const response = await signedFetch(`${url(0)}/accounts/${memberId}`);
    return response.status === 200 ? ((await response.json()) as Account) : undefined;
  }

  beforeAll(async () => {
    feed = await new Feed().start();
    await consumeFromNow(group);
    processes = [await start(0), await start(1)];
    await registerTenantsInPoints(url(0), [{ id: tenant, status: 'open' }]);
    members = await feed.registerMembers(30);
    await feed.issueCard(members[0], `${members[0].cardNumber}9`);
    await waitFor('the members\' accounts with their cards', async () => {
      const accounts = await Promise.all(members.map((member) => account(member.memberId)));
      return accounts.every((a, index) => a?.cardNumbers.length === (index === 0 ? 2 : 1)) ? true : undefined;
    }, 120_000, 250);
    connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: `atrium_test_points_${run}` }).asPromise();
  }, 300_000);

  afterAll(async () => {
    for (const points of processes) await points?.stop();
    await feed?.stop();
    await connection?.close();
    await dropDatabase(run);
  });

  it('earns every sale exactly once', async () => {
    // The member with two cards is named by both, so its sales come from two partitions.
    const buyers = [{ ...members[0], cardNumber: `${members[0].cardNumber}9` }, ...members];
    const { sales, messages } = feed.salesBurst(`T-${run}`, tenant, buyers, 6_000, 'as-new-event');
    const expected = new Map<string, number>();
    const entriesExpected = new Map<string, number>();
    sales.forEach((sale, index) => {
      const { memberId } = buyers[index % buyers.length];
      expected.set(memberId, (expected.get(memberId) ?? 0) + Math.floor(sale.amountMinor / 100));
      entriesExpected.set(memberId, (entriesExpected.get(memberId) ?? 0) + 1);
    });
    const total = [...expected.values()].reduce((sum, points) => sum + points, 0);
    const earnedSoFar = async () => (await Promise.all(members.map((member) => account(member.memberId)))).reduce((sum, a) => sum + (a?.lifetimeEarned ?? 0), 0);

    await feed.send(messages);
    const atKill = await waitFor('both processes to be part-way through', async () => {
      const earned = await earnedSoFar();
      return earned > 0 ? earned : undefined;
    }, 60_000, 20);
    await processes[1]!.stop('SIGKILL');
    processes[1] = undefined;
    expect(atKill).toBeLessThan(total);

    // The survivor gets the killed one's partitions once the group notices (its session timeout).
    await waitFor('every sale to be counted', async () => ((await earnedSoFar()) >= total ? true : undefined), 240_000, 500);
    const ledger = connection.collection<StoredEntry>('ledger_entries');
    for (const member of members) {
      const entries = await ledger.find({ memberId: member.memberId, kind: 'earn' }).toArray();
      expect({ member: member.memberId, entries: entries.length, points: entries.reduce((sum, e) => sum + (e.deltas.lifetimeEarned ?? 0), 0) }).toEqual({
        member: member.memberId,
        entries: entriesExpected.get(member.memberId),
        points: expected.get(member.memberId),
      });
      expect(await account(member.memberId)).toMatchObject({ pending: expected.get(member.memberId), lifetimeEarned: expected.get(member.memberId) });
    }
    const check = (await (await signedFetch(`${url(0)}/ledger/check`)).json()) as { mismatches: unknown[] };
    expect(check.mismatches).toEqual([]);
  }, 420_000);
});
