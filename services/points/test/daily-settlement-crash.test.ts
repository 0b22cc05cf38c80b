import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, restartLocalServer, startServiceProcess, TopicRecorder, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, LONG_AGO, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';
import { centreDay, dayBefore, settledRun, type DailyRunView } from './support/settlement';

interface Balances {
  available: number;
  pending: number;
  lifetimeEarned: number;
  expired: number;
}

/** Members to settle: enough that the run is still going when the process is killed. */
const MEMBERS = 120;
const FINANCE = staff('fin-lee', 'finance');

/** What interrupts a run once it is under way; gives the points process that goes on. */
type Interruption = (points: ServiceProcess, restart: () => Promise<ServiceProcess>) => Promise<ServiceProcess>;

/**
 * The daily settlement survives an interruption mid-run and every member ends settled exactly
 * once: the same balances, entries, events and run totals as a run that was never interrupted
 * (computed here from the sales).
 */
function interruptedRunSuite(title: string, port: number, interrupt: Interruption): void {
  describe(title, () => {
    const run = randomUUID().slice(0, 8);
    const tenant = `tenant-dsk-${run}`;
    let points: ServiceProcess;
    let env: Record<string, string>;
    let feed: Feed;
    let members: TestMember[];
    let recorder: TopicRecorder;
    const api = new PointsApi(`http://127.0.0.1:${port}`);
    const codec = new EventCodec([TOPICS.pointsEvents]);
    const runOf = async (id: string) => (await api.call<DailyRunView>('GET', `/settlement/daily-runs/${id}`)).body;

    beforeAll(async () => {
      feed = await new Feed().start();
      const group = `points-test-daily-crash-${run}`;
      await consumeFromNow(group);
      env = pointsEnv(port, run, group, { POINTS_EXPIRY_POLICY: 'end-of-year-after', POINTS_EXPIRY_REMINDER_DAYS: '400', SETTLEMENT_JOB_LOCK_SECONDS: '3', PURCHASE_MAX_AGE_DAYS: '3660' });
      points = await startServiceProcess('points', port, env);
      recorder = await new TopicRecorder(new Kafka({ clientId: 'points-test-daily-crash', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }), [TOPICS.pointsEvents.name]).start(false);
      await api.registerTenant(tenant, 'open');
      members = await feed.registerMembers(MEMBERS, LONG_AGO);
      await api.waitForAccountsWithCards(members.map((member) => member.memberId));
    }, 180_000);

    afterAll(async () => {
      await points?.stop();
      await feed?.stop();
      await recorder?.stop();
      for (const name of [`points-settlement.${env.MONGO_DATABASE}`, `points-reservations.${env.MONGO_DATABASE}`]) {
        const queue = new Queue(name, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
        await queue.obliterate({ force: true });
        await queue.close();
      }
      await dropDatabase(run);
    });

    it('completes, and settles each member once', async () => {
      const yesterday = dayBefore(centreDay(new Date()));
      const day = yesterday.endsWith('-12-31') ? dayBefore(yesterday) : yesterday;
      const year = Number(day.slice(0, 4));
      // Member i earned 100 + i points two years ago (they expire) and 200 last year (a reminder).
      const oldPoints = (index: number) => 100 + index;
      await feed.send(
        members.flatMap((member, index) => [
          feed.saleMessage({ receiptNumber: `DSK-${run}-${index}-a`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: oldPoints(index) * 100, occurredAt: new Date(`${year - 2}-04-01T12:00:00+08:00`) }),
          feed.saleMessage({ receiptNumber: `DSK-${run}-${index}-b`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 20_000, occurredAt: new Date(`${year - 1}-04-01T12:00:00+08:00`) }),
        ]),
      );
      await waitFor('every sale\'s points', async () => {
        const accounts = await Promise.all(members.map((member) => api.account(member.memberId)));
        return accounts.every((account, index) => account?.pending === oldPoints(index) + 200) ? true : undefined;
      }, 120_000, 500);

      const started = await api.call<DailyRunView & Problem>('POST', '/settlement/daily-runs', { date: day }, FINANCE);
      expect(started.status).toBe(202);
      const midway = await waitFor('the run to be under way', async () => {
        const current = await runOf(started.body.id);
        if (current.status === 'completed') throw new Error('the run completed before it could be killed');
        return current.status === 'running' && current.progress.processed > 0 ? current : undefined;
      }, 60_000, 10);
      // The day's lock is the running run's: nobody may start the day again meanwhile.
      const refused = await api.call<Problem>('POST', '/settlement/daily-runs', { date: day }, FINANCE);
      points = await interrupt(points, () => startServiceProcess('points', port, env));
      expect(midway.progress.processed).toBeLessThan(MEMBERS);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'settlement.run-in-progress', runId: started.body.id });

      const done = await waitFor('the resumed run to complete', async () => {
        const current = await runOf(started.body.id);
        return current.status === 'completed' || current.status === 'failed' ? current : undefined;
      }, 120_000, 250);
      const oldTotal = members.reduce((sum, _member, index) => sum + oldPoints(index), 0);
      expect(done).toMatchObject({
        status: 'completed',
        progress: { percent: 100, total: MEMBERS, processed: MEMBERS },
        matured: { entries: 2 * MEMBERS, points: oldTotal + 200 * MEMBERS },
        expired: { entries: MEMBERS, points: oldTotal },
        reminders: MEMBERS,
      });

      const accounts = await Promise.all(members.map(async (member, index) => ({ memberId: member.memberId, index, balances: (await api.call<Balances>('GET', `/accounts/${member.memberId}`)).body })));
      for (const { memberId, index, balances } of accounts) {
        expect({ memberId, available: balances.available, pending: balances.pending, expired: balances.expired, lifetimeEarned: balances.lifetimeEarned }).toEqual({
          memberId,
          available: 200,
          pending: 0,
          expired: oldPoints(index),
          lifetimeEarned: oldPoints(index) + 200,
        });
      }
      expect(await api.ledgerMismatches()).toEqual([]);

      // One event per member and kind (the relay may publish a copy after a crash: the same event id).
      const memberIds = new Set(members.map((member) => member.memberId));
      const eventIds = await waitFor('every expiry event and reminder', () => {
        const byKind = new Map<string, Map<string, Set<string>>>([
          ['points.expired', new Map()],
          ['points.expiring-soon', new Map()],
        ]);
        for (const message of recorder.messages) {
          let event: ReturnType<EventCodec['decode']>;
          try {
            event = codec.decode(TOPICS.pointsEvents, message.value);
          } catch {
            continue;
          }
          const memberId = (event.payload as { memberId?: string }).memberId ?? '';
          const kind = byKind.get(event.type);
          if (!kind || !memberIds.has(memberId)) continue;
          kind.set(memberId, (kind.get(memberId) ?? new Set()).add(event.eventId));
        }
        return Promise.resolve([...byKind.values()].every((kind) => kind.size === MEMBERS) ? byKind : undefined);
      }, 60_000, 250);
      for (const [kind, byMember] of eventIds) expect({ kind, repeated: [...byMember.values()].filter((ids) => ids.size !== 1).length }).toEqual({ kind, repeated: 0 });

      // The day run again: the same ledger, nothing new.
      const again = await settledRun(api, await api.call<DailyRunView & Problem>('POST', '/settlement/daily-runs', { date: day }, FINANCE));
      expect(again).toMatchObject({ status: 'completed', matured: { entries: 0, points: 0 }, expired: { entries: 0, points: 0 }, reminders: 0 });
      expect(await api.ledgerMismatches()).toEqual([]);
    }, 420_000);
  });
}

/**
 * SIGKILL, nothing flushed: BullMQ hands the run's job to the restarted process once the dead
 * worker's claim expires (SETTLEMENT_JOB_LOCK_SECONDS), and the run resumes after the last
 * member it saved.
 */
interruptedRunSuite('a daily settlement killed mid-run', testPort(13142), async (points, restart) => {
  await points.stop('SIGKILL');
  return restart();
});

/**
 * Redis stopped and started again (it keeps its append-only file): the queue, the job's claim
 * and the accounts' locks go away for a moment; the worker reconnects and the run completes.
 */
interruptedRunSuite('a daily settlement whose Redis restarts mid-run', testPort(13144), async (points) => {
  await restartLocalServer('redis');
  return points;
});
