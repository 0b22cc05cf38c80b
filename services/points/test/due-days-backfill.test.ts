import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { MongoClient, type Collection } from 'mongodb';
import { infraEnv, serviceEntry, startServiceProcess, TEST_IDENTITY_SECRET, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, LONG_AGO, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff } from './support/points-api';
import { centreDay, dayBefore, settledRun, type DailyRunView } from './support/settlement';

/** Members with a sale maturing on the day settled, and members whose sale matures later. */
const DUE = 60;
const LATER = 60;
const FINANCE = staff('fin-backfill', 'finance');
const PORT = testPort(13150)

interface RunWithSettled extends DailyRunView {
  progress: DailyRunView['progress'] & { accountsSettled: number; dueFrom?: string };
}

interface StoredEntry {
  _id: string;
  memberId: string;
  kind: string;
  maturesOn?: string[];
  expiresOn?: string[];
}

interface BackfillState {
  _id: string;
  status: string;
  membersRead: number;
  entriesDated: number;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A ledger written before entries carried their due days: the sales' entries are stripped of
 * `maturesOn` / `expiresOn` and the backfill's state removed, as after an upgrade. The backfill
 * (killed midway, then run again) dates them; a run after a completed run older than 31 days
 * goes through every account; the next day's run, after a completed run the day before,
 * settles exactly the members with something due. Counted in the database.
 */
describe('the due-days backfill of a ledger written before due days', () => {
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-bf-${run}`;
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let due: TestMember[];
  let later: TestMember[];
  let mongo: MongoClient;
  let ledger: Collection<StoredEntry>;
  let backfill: Collection<BackfillState>;
  const api = new PointsApi(`http://127.0.0.1:${PORT}`);
  const settle = async (date: string) => settledRun(api, await api.call('POST', '/settlement/daily-runs', { date }, FINANCE)) as Promise<RunWithSettled>;

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-backfill-${run}`;
    await consumeFromNow(group);
    env = pointsEnv(PORT, run, group, { POINTS_EXPIRY_POLICY: 'months-after:12', POINTS_EXPIRY_REMINDER_DAYS: '0', PURCHASE_MAX_AGE_DAYS: '3660', RETURN_WINDOW_DAYS: '7' });
    points = await startServiceProcess('points', PORT, env);
    mongo = await new MongoClient(infraEnv().mongoUrl).connect();
    ledger = mongo.db(env.MONGO_DATABASE).collection<StoredEntry>('ledger_entries');
    backfill = mongo.db(env.MONGO_DATABASE).collection<BackfillState>('ledger_backfills');
    await api.registerTenant(tenant, 'open');
    const members = await feed.registerMembers(DUE + LATER, LONG_AGO);
    due = members.slice(0, DUE);
    later = members.slice(DUE);
    await api.waitForAccountsWithCards(members.map((member) => member.memberId));
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    for (const name of [`points-settlement.${env.MONGO_DATABASE}`, `points-reservations.${env.MONGO_DATABASE}`, `points-period-settlement.${env.MONGO_DATABASE}`]) {
      const queue = new Queue(name, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await mongo?.close();
    await dropDatabase(run);
  });

  it('dates the old entries, resuming after a kill, and the runs then settle what is due', async () => {
    const day = dayBefore(centreDay(new Date()));
    const noon = (date: string) => new Date(`${date}T12:00:00+08:00`);
    // Due members' sales mature on `day` (7 days' window); the others' three days later.
    await feed.send([
      ...due.map((member, index) => feed.saleMessage({ receiptNumber: `BF-${run}-d${index}`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 10_000, occurredAt: noon(addDays(day, -7)) })),
      ...later.map((member, index) => feed.saleMessage({ receiptNumber: `BF-${run}-l${index}`, tenantId: tenant, cardNumber: member.cardNumber, amountMinor: 10_000, occurredAt: noon(addDays(day, -4)) })),
    ]);
    await waitFor('the sales\' entries, applied', async () => ((await ledger.countDocuments({ kind: 'earn', applied: true })) === DUE + LATER ? true : undefined), 120_000, 500);
    const expectedDay = new Map<string, string>();
    for (const member of due) expectedDay.set(member.memberId, day);
    for (const member of later) expectedDay.set(member.memberId, addDays(day, 3));
    const sales = await ledger.find({ kind: 'earn' }).toArray();
    expect(sales.map((sale) => sale.maturesOn)).toEqual(sales.map((sale) => [expectedDay.get(sale.memberId)]));

    // The ledger as an earlier version left it: no due days, no backfill state.
    await points.stop();
    await ledger.updateMany({}, { $unset: { maturesOn: '', expiresOn: '' } });
    await backfill.deleteMany({});
    expect(await ledger.countDocuments({ maturesOn: { $exists: true } })).toBe(0);
    // A completed run 40 days before: outside the 31 days that let a run settle only what fell due.
    await mongo.db(env.MONGO_DATABASE).collection<{ _id: string }>('daily_settlement_runs').insertOne({
      _id: randomUUID(), day: addDays(day, -40), status: 'completed', trigger: 'staff', requestedBy: 'fin-backfill', createdAt: new Date(), total: 0, processed: 0, counts: {}, outbox: [],
    } as never);

    // Started (not waiting for it to be ready: the backfill starts with it), and killed once
    // the backfill has dated some members but not all.
    const first = spawn(process.execPath, [serviceEntry('points')], { env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ATRIUM_IDENTITY_SECRET: TEST_IDENTITY_SECRET, ...env }, stdio: 'ignore' });
    const exited = once(first, 'exit');
    let midway: BackfillState | null = null;
    for (const until = Date.now() + 120_000; Date.now() < until && !midway && first.exitCode === null; await sleep(10)) {
      const state = await backfill.findOne({ _id: 'due-days' });
      if (state?.status === 'completed') break;
      if (state && state.membersRead > 0) midway = state;
    }
    first.kill('SIGKILL');
    await exited;
    expect(midway).toMatchObject({ status: 'running' });
    const afterKill = (await backfill.findOne({ _id: 'due-days' }))!;
    expect(afterKill.status).toBe('running');
    expect(afterKill.membersRead).toBeLessThan(DUE + LATER);

    // Started again: it resumes from its saved progress (it logs so at info) and completes.
    points = await startServiceProcess('points', PORT, { ...env, LOG_LEVEL: 'info' });
    const completed = await waitFor('the backfill to complete', async () => {
      const state = await backfill.findOne({ _id: 'due-days' });
      return state?.status === 'completed' ? state : undefined;
    }, 120_000, 250);
    expect(points.output()).toContain('due-days backfill resuming');
    expect(completed.membersRead).toBeGreaterThanOrEqual(DUE + LATER);
    // Every sale dated as the service dates a new one; nothing else has a due day (no points are available yet).
    const dated = await ledger.find({ kind: 'earn' }).toArray();
    expect(dated.map((sale) => sale.maturesOn)).toEqual(dated.map((sale) => [expectedDay.get(sale.memberId)]));
    expect(await ledger.countDocuments({ maturesOn: { $exists: true } })).toBe(DUE + LATER);
    expect(await ledger.countDocuments({ expiresOn: { $exists: true } })).toBe(0);

    // The last completed run is 40 days old: this run goes through every account with points.
    const full = await settle(addDays(day, -1));
    expect(full).toMatchObject({ status: 'completed', matured: { entries: 0 }, progress: { accountsSettled: DUE + LATER } });
    expect(full.progress.dueFrom).toBeUndefined();

    // The day before is settled: this run settles only the members with a sale maturing.
    const next = await settle(day);
    expect(next).toMatchObject({ status: 'completed', matured: { entries: DUE, points: DUE * 100 }, progress: { accountsSettled: DUE, dueFrom: addDays(day, -1) } });
    expect(await ledger.countDocuments({ kind: 'maturity' })).toBe(DUE);
    for (const member of [due[0], due[DUE - 1]]) expect(await api.account(member.memberId)).toMatchObject({ available: 100, pending: 0 });
    for (const member of [later[0], later[LATER - 1]]) expect(await api.account(member.memberId)).toMatchObject({ available: 0, pending: 100 });
    // The maturities carry their points' expiry date (12 months after the sale).
    const maturity = await ledger.findOne({ kind: 'maturity', memberId: due[0].memberId });
    expect(maturity?.expiresOn).toHaveLength(1);
    expect(maturity!.expiresOn![0] > addDays(day, 300)).toBe(true);
  }, 600_000);
});
