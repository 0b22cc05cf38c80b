import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DocumentLocks } from '@atrium/document-locks';
import { Kafka, logLevel } from 'kafkajs';
import { SettlementKind, TOPICS, type PointsExpired, type PointsExpiringSoon, type SettlementCompleted } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, startServiceProcess, TopicRecorder, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, LONG_AGO, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Answer, type Problem } from './support/points-api';
import { centreDay, dayBefore, settledRun, type DailyRunView } from './support/settlement';

interface Balances {
  available: number;
  pending: number;
  lifetimeEarned: number;
  redeemed: number;
  expired: number;
}

interface EntryView {
  id: string;
  kind: string;
  deltas: Partial<Balances>;
  cause: Record<string, unknown>;
}

const FINANCE = staff('fin-lee', 'finance');
const SUPERVISOR = staff('sup-chen', 'supervisor');

/**
 * The daily settlement end to end on the real servers: sales produced to the purchase feed,
 * back-dated over several years, mature once their return window is over; points expire at the
 * end of the year after they were earned, oldest first; members are reminded before; a day run
 * again changes nothing. Runs are started as finance would, over HTTP.
 */
describe('the daily settlement', () => {
  const port = testPort(13141)
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-ds-${run}`;
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let members: TestMember[];
  let recorder: TopicRecorder;
  let redis: Redis;
  const api = new PointsApi(`http://127.0.0.1:${port}`);
  const codec = new EventCodec([TOPICS.pointsEvents]);
  const balances = async (memberId: string) => (await api.call<Balances>('GET', `/accounts/${memberId}`)).body;
  const statement = async (memberId: string) => (await api.call<EntryView[]>('GET', `/ledger/members/${memberId}/entries`)).body;
  const startRun = (date: string, headers: Record<string, string> = FINANCE) => api.call<DailyRunView & Problem>('POST', '/settlement/daily-runs', { date }, headers);

  function eventsOf<T>(type: string, memberId: string): { eventId: string; payload: T }[] {
    const found: { eventId: string; payload: T }[] = [];
    for (const message of recorder.messages) {
      try {
        const event = codec.decode(TOPICS.pointsEvents, message.value);
        if (event.type === type && (event.payload as { memberId?: string }).memberId === memberId) found.push({ eventId: event.eventId, payload: event.payload as T });
      } catch {
        // Another run's event of a type this build does not know.
      }
    }
    return found;
  }

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-daily-settlement-${run}`;
    await consumeFromNow(group);
    env = pointsEnv(port, run, group, { POINTS_EXPIRY_POLICY: 'end-of-year-after', POINTS_EXPIRY_REMINDER_DAYS: '400', PURCHASE_MAX_AGE_DAYS: '3660' });
    points = await startServiceProcess('points', port, env);
    recorder = await new TopicRecorder(new Kafka({ clientId: 'points-test-daily-settlement', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }), [TOPICS.pointsEvents.name]).start(false);
    redis = new Redis(infraEnv().redisUrl, { maxRetriesPerRequest: null });
    await api.registerTenant(tenant, 'open');
    members = await feed.registerMembers(2, LONG_AGO);
    await api.waitForAccountsWithCards(members.map((member) => member.memberId));
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    await recorder?.stop();
    redis?.disconnect();
    for (const name of [`points-settlement.${env.MONGO_DATABASE}`, `points-reservations.${env.MONGO_DATABASE}`]) {
      const queue = new Queue(name, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await dropDatabase(run);
  });

  it('matures sales past their window, expires the oldest points first, reminds once, and changes nothing when run again', async () => {
    const [member] = members;
    const yesterday = dayBefore(centreDay(new Date()));
    // The year of the day settled; on 1 January the day before is 31 December, when this year's
    // points of the year before would be due as well: settle the 30th then.
    const day = yesterday.endsWith('-12-31') ? dayBefore(yesterday) : yesterday;
    const year = Number(day.slice(0, 4));
    const at = (date: string) => new Date(`${date}T12:00:00+08:00`);
    const sales = [
      { receiptNumber: `DS-${run}-1`, occurredAt: at(`${year - 2}-03-01`), amountMinor: 20_000 }, // 200 points, earned two years ago
      { receiptNumber: `DS-${run}-2`, occurredAt: at(`${year - 2}-10-01`), amountMinor: 10_000 }, // 100, two years ago
      { receiptNumber: `DS-${run}-3`, occurredAt: at(`${year - 2}-06-01`), amountMinor: 8_000 }, // 80, 30 of them refunded while pending
      { receiptNumber: `DS-${run}-4`, occurredAt: at(`${year - 1}-05-01`), amountMinor: 30_000 }, // 300, last year
      { receiptNumber: `DS-${run}-5`, occurredAt: new Date(Date.now() - 2 * 86_400_000), amountMinor: 5_000 }, // 50, still in its return window
    ];
    await feed.send(sales.map((sale) => feed.saleMessage({ ...sale, tenantId: tenant, cardNumber: member.cardNumber })));
    await waitFor('the sales\' points', async () => ((await balances(member.memberId)).pending === 730 ? true : undefined), 60_000, 250);
    await feed.send([feed.refundMessage({ refundNumber: `DS-${run}-3r`, receiptNumber: `DS-${run}-3`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 3_000 })]);
    await waitFor('the refund', async () => ((await balances(member.memberId)).pending === 700 ? true : undefined), 60_000, 250);

    // The last day of the year before last: every sale but the recent one matures; nothing has expired yet.
    const early = `${year - 1}-12-30`;
    const first = await settledRun(api, await startRun(early));
    expect(first).toMatchObject({ date: early, status: 'completed', matured: { entries: 4, points: 650 }, expired: { entries: 0, points: 0 }, reminders: 2, progress: { percent: 100 } });
    expect(await balances(member.memberId)).toMatchObject({ available: 650, pending: 50, lifetimeEarned: 700, expired: 0 });
    const matured = (await statement(member.memberId)).filter((entry) => entry.kind === 'maturity');
    expect(matured.map((entry) => [entry.id, entry.deltas]).sort()).toEqual(
      [
        [`mature:earn:${tenant}:DS-${run}-1`, { pending: -200, available: 200 }],
        [`mature:earn:${tenant}:DS-${run}-2`, { pending: -100, available: 100 }],
        [`mature:earn:${tenant}:DS-${run}-3`, { pending: -50, available: 50 }],
        [`mature:earn:${tenant}:DS-${run}-4`, { pending: -300, available: 300 }],
      ].sort(),
    );
    // Reminded of both coming dates: the points of two years ago, and last year's.
    const reminders = await waitFor('the reminders', () => {
      const found = eventsOf<PointsExpiringSoon>('points.expiring-soon', member.memberId);
      return Promise.resolve(found.length >= 2 ? found : undefined);
    }, 30_000);
    expect(reminders.map((event) => [event.payload.expiryDate, Number(event.payload.points)]).sort()).toEqual([
      [`${year - 1}-12-31`, 350],
      [`${year}-12-31`, 300],
    ]);

    const again = await settledRun(api, await startRun(early));
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ status: 'completed', matured: { entries: 0, points: 0 }, expired: { entries: 0, points: 0 }, reminders: 0 });
    expect(await balances(member.memberId)).toMatchObject({ available: 650, pending: 50 });

    // The member spends 230: the oldest points go first, so 120 of two years ago are left to expire.
    const debit = await api.call('POST', '/adjustments', { memberId: member.memberId, points: -230, reason: 'Spent at the desk' }, SUPERVISOR);
    expect(debit.status).toBe(201);

    const second = await settledRun(api, await startRun(day));
    expect(second).toMatchObject({ date: day, status: 'completed', matured: { entries: 0, points: 0 }, expired: { entries: 1, points: 120 }, reminders: 0 });
    expect(await balances(member.memberId)).toMatchObject({ available: 300, pending: 50, lifetimeEarned: 700, expired: 120 });
    const expiries = (await statement(member.memberId)).filter((entry) => entry.kind === 'expiry');
    expect(expiries).toEqual([
      expect.objectContaining({
        id: `expire:${member.memberId}:${year - 1}-12-31`,
        deltas: { available: -120, expired: 120 },
        cause: { type: 'expiry', expiryDate: `${year - 1}-12-31`, policy: 'end-of-year-after', runId: second.id },
      }),
    ]);
    const expired = await waitFor('points.expired', () => {
      const found = eventsOf<PointsExpired>('points.expired', member.memberId);
      return Promise.resolve(found.length > 0 ? found : undefined);
    }, 30_000);
    expect(expired.map((event) => ({ ...event.payload, expiredAt: undefined, $typeName: undefined }))).toEqual([
      expect.objectContaining({ memberId: member.memberId, points: 120n, expiryDate: `${year - 1}-12-31`, entryId: `expire:${member.memberId}:${year - 1}-12-31`, availableBalance: 300n, pendingBalance: 50n }),
    ]);

    const third = await settledRun(api, await startRun(day));
    expect(third).toMatchObject({ status: 'completed', matured: { entries: 0 }, expired: { entries: 0, points: 0 }, reminders: 0 });
    expect(await balances(member.memberId)).toMatchObject({ available: 300, pending: 50, expired: 120 });
    expect((await statement(member.memberId)).length).toBe(5 + 1 + 4 + 1 + 1);
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
    // One event per reminder and expiry, however often the days were run.
    expect(new Set(eventsOf('points.expiring-soon', member.memberId).map((event) => event.eventId)).size).toBe(2);
    expect(new Set(eventsOf('points.expired', member.memberId).map((event) => event.eventId)).size).toBe(1);
    // Each run announced its completion with its totals.
    const completions = await waitFor('the runs\' completion events', () => {
      const found = recorder.messages.flatMap((message) => {
        try {
          const event = codec.decode(TOPICS.pointsEvents, message.value);
          return event.type === 'points.settlement-completed' ? [event.payload as SettlementCompleted] : [];
        } catch {
          return [];
        }
      });
      const ours = [first, again, second, third].map((r) => found.find((event) => event.runId === r.id));
      return Promise.resolve(ours.every(Boolean) ? (ours as SettlementCompleted[]) : undefined);
    }, 30_000);
    expect(completions.map((event) => [event.kind, event.period, Number(event.pointsMatured), Number(event.pointsExpired), event.entriesWritten, event.reminders])).toEqual([
      [SettlementKind.DAILY, early, 650, 0, 4, 2],
      [SettlementKind.DAILY, early, 0, 0, 0, 0],
      [SettlementKind.DAILY, day, 0, 120, 1, 0],
      [SettlementKind.DAILY, day, 0, 0, 0, 0],
    ]);
  }, 180_000);

  it('takes refunds racing the run that matures their sales from where the points are when each is decided', async () => {
    const [racer] = await feed.registerMembers(1, LONG_AGO);
    await waitFor('the racer\'s account with its card', async () => ((await api.account(racer.memberId))?.cardNumbers.length === 1 ? true : undefined), 120_000, 250);
    const yesterday = dayBefore(centreDay(new Date()));
    const day = yesterday.endsWith('-12-31') ? dayBefore(yesterday) : yesterday;
    // 100 points each, a month ago: past the return window, so the run matures them.
    const sales = 100;
    const occurredAt = new Date(Date.now() - 30 * 86_400_000);
    const receipt = (index: number) => `RACE-${run}-${index}`;
    await feed.send(Array.from({ length: sales }, (_, index) => feed.saleMessage({ receiptNumber: receipt(index), occurredAt, amountMinor: 10_000, tenantId: tenant, cardNumber: racer.cardNumber })));
    await waitFor('the racer\'s points', async () => ((await balances(racer.memberId)).pending === sales * 100 ? true : undefined), 60_000, 250);

    // The run waits for the account while the feed reads a batch of refunds of 40 points each;
    // then the account is let go while the feed is still deciding them. A refund decided before
    // the run matured its sale, and written after, would be taken from pending, where the points
    // no longer are; decided under the account's lock, each refund sees the run's entries or the
    // run sees the refund's.
    let raced: Answer<DailyRunView & Problem> | undefined;
    await new DocumentLocks(redis, 'points').withLocks('accounts', [racer.memberId], async () => {
      raced = await startRun(day);
      await waitFor('the run to start', async () => ((await api.call<DailyRunView>('GET', `/settlement/daily-runs/${raced!.body.id}`)).body.status === 'running' ? true : undefined), 30_000, 50);
      await feed.send(Array.from({ length: sales }, (_, index) => feed.refundMessage({ refundNumber: `${receipt(index)}r`, receiptNumber: receipt(index), tenantId: tenant, cardNumber: racer.cardNumber, amountMinor: 4_000 })));
      // Long enough for the feed to fetch the batch, far shorter than deciding it takes.
      await sleep(300);
    });
    expect(await settledRun(api, raced!)).toMatchObject({ status: 'completed' });
    await waitFor('the refunds', async () => ((await balances(racer.memberId)).lifetimeEarned === sales * 60 ? true : undefined), 60_000, 250);
    expect(await balances(racer.memberId)).toMatchObject({ available: sales * 60, pending: 0, lifetimeEarned: sales * 60 });
    expect(await api.ledgerMismatches(racer.memberId)).toEqual([]);
  }, 180_000);

  it('refuses a day that has not ended, a day that is not one, and callers who are not finance, writing nothing', async () => {
    const today = centreDay(new Date());
    const refusals: [Record<string, unknown>, Record<string, string>, number, string, string | undefined][] = [
      [{ date: today }, FINANCE, 400, 'settlement.day-not-ended', 'date'],
      [{ date: '2026-02-30' }, FINANCE, 400, 'settlement.date-invalid', 'date'],
      [{ date: '26/11/2026' }, FINANCE, 400, '', 'date'],
      [{}, FINANCE, 400, '', 'date'],
      [{ date: dayBefore(today) }, staff('desk-amy', 'desk'), 403, 'settlement.finance-only', undefined],
      [{ date: dayBefore(today) }, {}, 401, 'staff.unknown', undefined],
    ];
    for (const [body, headers, status, code, field] of refusals) {
      const answer = await api.call<Problem>('POST', '/settlement/daily-runs', body, headers);
      expect({ body, status: answer.status }).toEqual({ body, status });
      if (code) expect(answer.body.code).toBe(code);
      if (field) expect(answer.body.errors?.map((error) => error.field)).toContain(field);
    }
    const listed = await api.call<DailyRunView[]>('GET', `/settlement/daily-runs?date=${today}`);
    expect(listed.body).toEqual([]);
    expect((await api.call('GET', `/settlement/daily-runs/${randomUUID()}`)).status).toBe(404);
  });
});
