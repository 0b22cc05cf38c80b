import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { infraEnv, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff } from './support/points-api';
import { centreDay, dayBefore, type DailyRunView } from './support/settlement';

interface ScheduledRunView {
  id: string;
  status: string;
  trigger: 'staff' | 'schedule';
}

const FINANCE = staff('fin-lee', 'finance');
const CENTRE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The month before the centre's month of `at`, "2026-10". */
function monthBefore(at: Date): string {
  const [year, month] = centreDay(at).split('-').map(Number);
  const index = year * 12 + (month - 1) - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The job schedulers start the settlements on their own, nobody asking: the daily one at
 * DAILY_SETTLEMENT_TIME (centre time) for the day before, the period one at
 * PERIOD_SETTLEMENT_CRON for the month before; each makes one run however often it fires (the
 * run's id comes from its day or month).
 */
describe('the settlement schedules', () => {
  const port = testPort(13145)
  const run = randomUUID().slice(0, 8);
  // When the daily schedule fires: set in beforeAll, a whole minute far enough ahead that the
  // service has registered its scheduler before it.
  let fireAt: Date;
  let points: ServiceProcess;
  let env: Record<string, string>;
  const api = new PointsApi(`http://127.0.0.1:${port}`);

  beforeAll(async () => {
    const group = `points-test-settlement-schedules-${run}`;
    await consumeFromNow(group);
    fireAt = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
    // The period schedule every 2 seconds: it fires many times within the test.
    env = pointsEnv(port, run, group, { DAILY_SETTLEMENT_TIME: CENTRE_TIME.format(fireAt), PERIOD_SETTLEMENT_CRON: '*/2 * * * * *' });
    points = await startServiceProcess('points', port, env);
  }, 120_000);

  afterAll(async () => {
    await points?.stop();
    for (const name of [`points-period-settlement.${env.MONGO_DATABASE}`, `points-settlement.${env.MONGO_DATABASE}`, `points-reservations.${env.MONGO_DATABASE}`]) {
      const queue = new Queue(name, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await dropDatabase(run);
  });

  it('settles the month before on the period schedule, as one run however often it fires', async () => {
    const period = monthBefore(new Date());
    const queue = new Queue(`points-period-settlement.${env.MONGO_DATABASE}`, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
    try {
      const first = await waitFor('the scheduled run of the month before', async () => {
        const runs = (await api.call<ScheduledRunView[]>('GET', `/settlement/periods/${period}/runs`, undefined, FINANCE)).body;
        return runs.some((r) => r.status === 'completed') ? runs : undefined;
      }, 60_000, 250);
      const firedBefore = (await queue.getJobScheduler('scheduled-period-settlement'))?.iterationCount ?? 0;
      await waitFor('three more firings', async () => (((await queue.getJobScheduler('scheduled-period-settlement'))?.iterationCount ?? 0) >= firedBefore + 3 ? true : undefined), 30_000, 250);
      const runs = (await api.call<ScheduledRunView[]>('GET', `/settlement/periods/${period}/runs`, undefined, FINANCE)).body;
      expect(runs).toEqual([expect.objectContaining({ id: first[0].id, status: 'completed', trigger: 'schedule' })]);
    } finally {
      await queue.close();
    }
  }, 120_000);

  it('settles the day before at DAILY_SETTLEMENT_TIME', async () => {
    const day = dayBefore(centreDay(fireAt));
    const runs = await waitFor(`the scheduled run of ${day}`, async () => {
      const listed = (await api.call<(DailyRunView & ScheduledRunView)[]>('GET', `/settlement/daily-runs?date=${day}`)).body;
      return listed.some((r) => r.status === 'completed') ? listed : undefined;
    }, 120_000, 500);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ date: day, status: 'completed', trigger: 'schedule', progress: { percent: 100 } });
  }, 150_000);
});
