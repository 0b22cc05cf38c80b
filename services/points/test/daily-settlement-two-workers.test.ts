import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, startServiceProcess, TopicRecorder, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, LONG_AGO, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';
import { centreDay, dayBefore, settledRun, type DailyRunView } from './support/settlement';

/** Members with a sale maturing on the day settled (and an old lot that then expires), and members with nothing due. */
const DUE = 64;
const NOT_DUE = 16;
const FINANCE = staff('fin-two', 'finance');
const PORTS = [testPort(13146), testPort(13148)] as const;

interface RunWithSettled extends DailyRunView {
  progress: DailyRunView['progress'] & { accountsSettled: number; dueFrom?: string };
}

/**
 * Two points processes share the settlement queue (two BullMQ workers on it) while a daily run
 * settles only the members with something due; the process holding the run's job is killed
 * mid-run, the other takes the job over when the dead worker's claim expires, and counting in
 * the database shows every due item settled once and nothing else touched.
 */
describe('two settlement workers, one killed mid-run', () => {
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-two-${run}`;
  let workers: ServiceProcess[] = [];
  let env: (port: number) => Record<string, string>;
  let feed: Feed;
  let due: TestMember[];
  let idle: TestMember[];
  let recorder: TopicRecorder;
  let mongo: MongoClient;
  let queue: Queue;
  const apis = PORTS.map((port) => new PointsApi(`http://127.0.0.1:${port}`));
  const codec = new EventCodec([TOPICS.pointsEvents]);

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-two-workers-${run}`;
    await consumeFromNow(group);
    env = (port) => pointsEnv(port, run, group, { POINTS_EXPIRY_POLICY: 'months-after:12', POINTS_EXPIRY_REMINDER_DAYS: '0', SETTLEMENT_JOB_LOCK_SECONDS: '3', PURCHASE_MAX_AGE_DAYS: '3660', RETURN_WINDOW_DAYS: '7' });
    workers = await Promise.all(PORTS.map((port) => startServiceProcess('points', port, env(port))));
    mongo = await new MongoClient(infraEnv().mongoUrl).connect();
    queue = new Queue(`points-settlement.${env(PORTS[0]).MONGO_DATABASE}`, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
    recorder = await new TopicRecorder(new Kafka({ clientId: 'points-test-two-workers', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }), [TOPICS.pointsEvents.name]).start(false);
    await apis[0].registerTenant(tenant, 'open');
    const members = await feed.registerMembers(DUE + NOT_DUE, LONG_AGO);
    due = members.slice(0, DUE);
    idle = members.slice(DUE);
    await apis[0].waitForAccountsWithCards(members.map((member) => member.memberId));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await feed?.stop();
    await recorder?.stop();
    await queue?.obliterate({ force: true });
    await queue?.close();
    for (const name of [`points-reservations.${env(PORTS[0]).MONGO_DATABASE}`, `points-period-settlement.${env(PORTS[0]).MONGO_DATABASE}`]) {
      const other = new Queue(name, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
      await other.obliterate({ force: true });
      await other.close();
    }
    await mongo?.close();
    await dropDatabase(run);
  });

  it('settles every due item once, touches only the members with something due, and goes on in the other worker', async () => {
    const yesterday = dayBefore(centreDay(new Date()));
    const day = yesterday;
    const before = dayBefore(day);
    // The day before is settled first, with nothing due: the run of `day` then settles only what fell due since.
    const first = await settledRun(apis[0], await apis[0].call<DailyRunView & Problem>('POST', '/settlement/daily-runs', { date: before }, FINANCE));
    expect(first).toMatchObject({ status: 'completed', matured: { entries: 0 }, expired: { entries: 0 } });

    // Due member i: 100 + i points two years ago (they mature and expire on the day: recorded
    // today, they are due the day before) and 50 points a week before the day (their return
    // window ends on it). Idle members: 70 points two days ago, still in their window.
    const oldPoints = (index: number) => 100 + index;
    const weekBefore = new Date(`${day}T12:00:00+08:00`);
    weekBefore.setUTCDate(weekBefore.getUTCDate() - 7);
    const year = Number(day.slice(0, 4));
    await feed.send([
      ...due.flatMap((member, index) => [
        feed.saleMessage({ receiptNumber: `TW-${run}-${index}-a`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: oldPoints(index) * 100, occurredAt: new Date(`${year - 2}-04-01T12:00:00+08:00`) }),
        feed.saleMessage({ receiptNumber: `TW-${run}-${index}-b`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 5_000, occurredAt: weekBefore }),
      ]),
      ...idle.map((member, index) => feed.saleMessage({ receiptNumber: `TW-${run}-idle-${index}`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 7_000, occurredAt: new Date(Date.now() - 2 * 86_400_000) })),
    ]);
    await waitFor('every sale\'s points', async () => {
      const accounts = await Promise.all([...due, ...idle].map((member) => apis[0].account(member.memberId)));
      return accounts.every((account, index) => account?.pending === (index < DUE ? oldPoints(index) + 50 : 70)) ? true : undefined;
    }, 120_000, 500);

    const started = await apis[1].call<RunWithSettled & Problem>('POST', '/settlement/daily-runs', { date: day }, FINANCE);
    expect(started.status).toBe(202);
    const runOf = async (api: PointsApi) => (await api.call<RunWithSettled>('GET', `/settlement/daily-runs/${started.body.id}`)).body;
    const midway = await waitFor('the run to be under way', async () => {
      const current = await runOf(apis[0]);
      if (current.status === 'completed') throw new Error('the run completed before it could be killed');
      return current.status === 'running' && current.progress.processed > 0 ? current : undefined;
    }, 60_000, 10);
    // The worker holding the run's job names its process; that one is killed, the other goes on.
    const job = await queue.getJob(started.body.id);
    const holder = workers.findIndex((worker) => job?.processedBy?.endsWith(`:${worker.child.pid}`));
    expect(holder).toBeGreaterThanOrEqual(0);
    await workers[holder].stop('SIGKILL');
    const survivor = apis[1 - holder];
    expect(midway.progress.processed).toBeLessThan(DUE);

    const done = await waitFor('the run to complete in the other worker', async () => {
      const current = await runOf(survivor);
      return current.status === 'completed' || current.status === 'failed' ? current : undefined;
    }, 120_000, 250);
    const oldTotal = due.reduce((sum, _member, index) => sum + oldPoints(index), 0);
    expect(done).toMatchObject({
      status: 'completed',
      progress: { total: DUE, processed: DUE, accountsSettled: DUE, dueFrom: before },
      matured: { entries: 2 * DUE, points: oldTotal + 50 * DUE },
      expired: { entries: DUE, points: oldTotal },
    });
    // Only the survivor was alive to finish it.
    expect(workers[holder].child.signalCode).toBe('SIGKILL');

    // Counted in the database: one maturity per sale and one expiry per due member, none for the idle members.
    const ledger = mongo.db(env(PORTS[0]).MONGO_DATABASE).collection<{ _id: string; memberId: string; kind: string }>('ledger_entries');
    const settledBy = async (member: TestMember) => ({
      memberId: member.memberId,
      maturity: await ledger.countDocuments({ memberId: member.memberId, kind: 'maturity' }),
      expiry: await ledger.countDocuments({ memberId: member.memberId, kind: 'expiry' }),
    });
    for (const member of due) expect(await settledBy(member)).toEqual({ memberId: member.memberId, maturity: 2, expiry: 1 });
    for (const member of idle) expect(await settledBy(member)).toEqual({ memberId: member.memberId, maturity: 0, expiry: 0 });
    // The balances hold each entry once (a posting done twice would show here and in the check).
    for (const [index, member] of due.entries()) {
      expect({ memberId: member.memberId, ...(await survivor.account(member.memberId)) }).toMatchObject({ memberId: member.memberId, available: 50, pending: 0, expired: oldPoints(index) });
    }
    for (const member of idle) expect({ memberId: member.memberId, ...(await survivor.account(member.memberId)) }).toMatchObject({ memberId: member.memberId, available: 0, pending: 70 });
    expect(await survivor.ledgerMismatches()).toEqual([]);

    // One expiry event per due member (a relay's copy after the kill carries the same event id).
    const dueIds = new Set(due.map((member) => member.memberId));
    const expiredEvents = await waitFor('every expiry event', () => {
      const byMember = new Map<string, Set<string>>();
      for (const message of recorder.messages) {
        let event: ReturnType<EventCodec['decode']>;
        try {
          event = codec.decode(TOPICS.pointsEvents, message.value);
        } catch {
          continue;
        }
        const memberId = (event.payload as { memberId?: string }).memberId ?? '';
        if (event.type !== 'points.expired' || !dueIds.has(memberId)) continue;
        byMember.set(memberId, (byMember.get(memberId) ?? new Set()).add(event.eventId));
      }
      return Promise.resolve(byMember.size === DUE ? byMember : undefined);
    }, 60_000, 250);
    expect([...expiredEvents.values()].filter((ids) => ids.size !== 1)).toEqual([]);
  }, 420_000);
});
