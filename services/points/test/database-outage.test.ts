import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { deadLetterTopicOf, TOPICS } from '@atrium/contracts';
import {
  infraEnv,
  localServerPid,
  processAlive,
  registerTenantsInPoints,
  restartLocalServer,
  signedFetch,
  startServiceProcess,
  TopicRecorder,
  waitFor,
  type ServiceProcess,
  testPort,
} from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, pointsEnv, type AccountView } from './support/points-api';

/**
 * A minute, longer than the consumer's retry budget for an ordinary failure (5 attempts of up
 * to 10 s each while no server can be selected): a database away must be waited out, not
 * make good sales dead letters. Production has no watchdog to end an outage in 10 s.
 */
const OUTAGE_MS = 60_000;

/**
 * The database going away in the middle of the purchase feed, on the real servers: FerretDB
 * killed with SIGKILL while the built points service ingests sales from Kafka. The service
 * says it is not ready while the database does not answer, and once FerretDB is back it
 * carries on by itself: every sale in the ledger exactly once, balances exact, no dead letter.
 */
describe('points through a database outage', () => {
  const port = testPort(13171)
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-outage-${run}`;
  const env = pointsEnv(port, run, `points-outage-${run}`);
  const url = `http://127.0.0.1:${port}`;
  const kafka = new Kafka({ clientId: 'points-outage-test', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  let points: ServiceProcess | undefined;
  let feed: Feed;
  let deadLetters: TopicRecorder;
  let members: TestMember[];
  let frozenWatchdog: number | undefined;

  const account = async (memberId: string): Promise<AccountView | undefined> => {
    const response = await signedFetch(`${url}/accounts/${memberId}`);
    return response.status === 200 ? ((await response.json()) as AccountView) : undefined;
  };
  const readiness = async (): Promise<{ status: number; body: { checks: Record<string, { status: string }> } }> => {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as { checks: Record<string, { status: string }> } };
  };

  beforeAll(async () => {
    feed = await new Feed().start();
    deadLetters = await new TopicRecorder(kafka, [deadLetterTopicOf(TOPICS.purchases.name)]).start(false);
    await consumeFromNow(env.KAFKA_CONSUMER_GROUP);
    points = await startServiceProcess('points', port, env);
    await registerTenantsInPoints(url, [{ id: tenant }]);
    members = await feed.registerMembers(12);
    await waitFor('the members\' accounts with their cards', async () => {
      const accounts = await Promise.all(members.map((member) => account(member.memberId)));
      return accounts.every((a) => a?.cardNumbers.length === 1) ? true : undefined;
    }, 120_000, 250);
  }, 300_000);

  afterAll(async () => {
    // Never leave the watchdog frozen, whatever happened.
    if (frozenWatchdog !== undefined && processAlive(frozenWatchdog)) process.kill(frozenWatchdog, 'SIGCONT');
    await points?.stop();
    await deadLetters?.stop();
    await feed?.stop();
    await dropDatabase(run);
  });

  it('is not ready while FerretDB is down, and ends with every sale counted once when it is back', async () => {
    const { sales, expected, total, messages } = feed.salesBurst(`O-${run}`, tenant, members, 4_000, 'as-new-event');
    const earnedSoFar = async () => (await Promise.all(members.map((member) => account(member.memberId)))).reduce((sum, a) => sum + (a?.lifetimeEarned ?? 0), 0);

    await feed.send(messages);
    const beforeOutage = await waitFor('the service to be part-way through', async () => {
      const earned = await earnedSoFar();
      return earned > 0 ? earned : undefined;
    }, 120_000, 20);
    expect(beforeOutage).toBeLessThan(total);
    expect((await readiness()).status).toBe(200);

    // The outage: FerretDB killed, and its watchdog held still so that it lasts.
    frozenWatchdog = localServerPid('watchdog');
    process.kill(frozenWatchdog, 'SIGSTOP');
    const killed = localServerPid('ferretdb');
    process.kill(killed, 'SIGKILL');
    const outageEnds = Date.now() + OUTAGE_MS;
    const down = await waitFor('the service to say it is not ready', async () => {
      const answer = await readiness();
      return answer.status === 503 ? answer : undefined;
    }, 30_000, 250);
    expect(down.body.checks.mongodb.status).toBe('down');
    expect(down.body.checks.kafka.status).toBe('up');
    while (Date.now() < outageEnds) {
      expect((await readiness()).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    expect(points!.child.exitCode).toBeNull();

    await restartLocalServer('ferretdb');
    process.kill(frozenWatchdog, 'SIGCONT');
    expect(localServerPid('ferretdb')).not.toBe(killed);
    await waitFor('the service to be ready again by itself', async () => ((await readiness()).status === 200 ? true : undefined), 90_000, 500);
    await waitFor('every sale to be counted', async () => ((await earnedSoFar()) >= total ? true : undefined), 300_000, 1_000);

    for (const member of members) {
      expect(await account(member.memberId)).toMatchObject({ pending: expected.get(member.memberId), lifetimeEarned: expected.get(member.memberId) });
    }
    // Each sale exactly once in the ledger, read from the database itself.
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: env.MONGO_DATABASE }).asPromise();
    try {
      const entries = await connection
        .collection<{ cause: { receiptNumber?: string } }>('ledger_entries')
        .find({ 'cause.tenantId': tenant }, { projection: { 'cause.receiptNumber': 1 } })
        .toArray();
      const receipts = entries.map((entry) => entry.cause.receiptNumber);
      expect(receipts).toHaveLength(sales.length);
      expect(new Set(receipts).size).toBe(sales.length);
    } finally {
      await connection.close();
    }
    const ours = deadLetters.messages.filter((message) => message.headers['dlq-consumer-group'] === env.KAFKA_CONSUMER_GROUP);
    expect(ours.map((message) => message.headers['dlq-reason'])).toEqual([]);
  }, 600_000);
});
