import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { infraEnv, restartLocalServer, signedFetch, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, LONG_AGO, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Answer, type Problem } from './support/points-api';
import { centreDay } from './support/settlement';

interface PeriodRunView {
  id: string;
  period: string;
  status: string;
  matchesStored?: boolean;
  progress: { percent: number; total: number; entriesProcessed: number };
}

interface TenantStatementView {
  tenantId: string;
  pointsIssued: number;
  netPointsIssued: number;
  issuedValueMinor: number;
  issuedChargeMinor: number;
  netMinor: number;
  lateEntries: { entries: number; points: number };
}

interface StatementsView {
  period: string;
  closedAt: string;
  tenants: TenantStatementView[];
  centre: { currency: string; netPointsIssued: number; issuedValueMinor: number; tenantChargesMinor: number; liability: { points: number; valueMinor: number }; lateEntries: number };
}

const FINANCE = staff('fin-lee', 'finance');

/** The month `back` months before the centre's current one, "2026-08". */
function monthsBack(back: number): string {
  const [year, month] = centreDay(new Date()).split('-').map(Number);
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Period settlement on the real servers: tenants' sales produced to the feed, back-dated into
 * two past months; a month settled three times gives the same statements; a sale back-dated
 * into a closed month counts in the next one, as late; statements download as JSON and CSV.
 */
describe('the period settlement', () => {
  const port = testPort(13143)
  const run = randomUUID().slice(0, 8);
  const tenants = [`t1-ps-${run}`, `t2-ps-${run}`];
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let member: TestMember;
  const api = new PointsApi(`http://127.0.0.1:${port}`);

  async function settled(started: Answer<PeriodRunView & Problem>): Promise<PeriodRunView> {
    if (started.status !== 202) throw new Error(`POST /settlement/periods answered ${started.status}: ${JSON.stringify(started.body)}`);
    return waitFor(`run ${started.body.id}`, async () => {
      const current = (await api.call<PeriodRunView>('GET', `/settlement/periods/runs/${started.body.id}`)).body;
      return current.status === 'completed' || current.status === 'failed' ? current : undefined;
    }, 120_000, 250);
  }
  const settle = async (period: string) => settled(await api.call<PeriodRunView & Problem>('POST', '/settlement/periods', { period }, FINANCE));
  const statements = async (period: string) => (await api.call<StatementsView>('GET', `/settlement/periods/${period}/statements`, undefined, FINANCE)).body;

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-period-settlement-${run}`;
    await consumeFromNow(group);
    // A short claim on a job, so that a killed worker's run is taken over within seconds.
    env = pointsEnv(port, run, group, { TENANT_POINTS_FUNDING_BASIS_POINTS: '8000', POINT_VALUE_MILLI_MINOR: '1500', SETTLEMENT_JOB_LOCK_SECONDS: '3', PURCHASE_MAX_AGE_DAYS: '3660' });
    points = await startServiceProcess('points', port, env);
    for (const tenant of tenants) await api.registerTenant(tenant, 'open');
    [member] = await feed.registerMembers(1, LONG_AGO);
    await waitFor('the member\'s account with the card', async () => ((await api.account(member.memberId))?.cardNumbers.length === 1 ? true : undefined), 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    for (const name of [`points-period-settlement.${env.MONGO_DATABASE}`, `points-settlement.${env.MONGO_DATABASE}`, `points-reservations.${env.MONGO_DATABASE}`]) {
      const queue = new Queue(name, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await dropDatabase(run);
  });

  it('settles a month the same way every time, and counts a sale back-dated into it after its close in the next month', async () => {
    const [t1, t2] = tenants;
    const first = monthsBack(3);
    const second = monthsBack(2);
    const inMonth = (period: string, day: number) => new Date(`${period}-${String(day).padStart(2, '0')}T12:00:00+08:00`);
    const sale = (receipt: string, tenantId: string, amountMinor: number, occurredAt: Date) => feed.saleMessage({ receiptNumber: `PS-${run}-${receipt}`, tenantId, cardNumber: member.cardNumber, amountMinor, occurredAt });
    await feed.send([sale('1', t1, 100_00, inMonth(first, 3)), sale('2', t2, 50_00, inMonth(first, 20)), sale('3', t1, 20_00, inMonth(second, 5))]);
    await waitFor('the sales\' points', async () => ((await api.account(member.memberId))?.pending === 170 ? true : undefined), 60_000, 250);

    const runs = [await settle(first), await settle(first), await settle(first)];
    expect(runs.map((r) => [r.status, r.matchesStored, r.progress.percent])).toEqual([
      ['completed', true, 100],
      ['completed', true, 100],
      ['completed', true, 100],
    ]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(3);
    const stored = await statements(first);
    // 1.5 fen a point; tenants pay 80% of the value of the points their sales issue.
    expect(stored.tenants).toEqual([
      expect.objectContaining({ tenantId: t1, pointsIssued: 100, netPointsIssued: 100, issuedValueMinor: 150, issuedChargeMinor: 120, netMinor: 120, lateEntries: { entries: 0, points: 0 } }),
      expect.objectContaining({ tenantId: t2, pointsIssued: 50, netPointsIssued: 50, issuedValueMinor: 75, issuedChargeMinor: 60, netMinor: 60, lateEntries: { entries: 0, points: 0 } }),
    ]);
    expect(stored.centre).toMatchObject({ currency: 'CNY', netPointsIssued: 150, issuedValueMinor: 225, tenantChargesMinor: 180, liability: { points: 150, valueMinor: 225 }, lateEntries: 0 });

    // A till sends a sale of the closed month now: it counts in the next month, as late.
    await feed.send([sale('4', t2, 40_00, inMonth(first, 28))]);
    await waitFor('the late sale\'s points', async () => ((await api.account(member.memberId))?.pending === 210 ? true : undefined), 60_000, 250);
    const again = await settle(first);
    expect(again.matchesStored).toBe(true);
    expect(await statements(first)).toEqual(stored);

    const next = await settle(second);
    expect(next.matchesStored).toBe(true);
    const late = await statements(second);
    expect(late.tenants).toEqual([
      expect.objectContaining({ tenantId: t1, pointsIssued: 20, lateEntries: { entries: 0, points: 0 } }),
      expect.objectContaining({ tenantId: t2, pointsIssued: 40, issuedChargeMinor: 48, lateEntries: { entries: 1, points: 40 } }),
    ]);
    expect(late.centre).toMatchObject({ netPointsIssued: 60, liability: { points: 210, valueMinor: 315 }, lateEntries: 1 });

    const csv = await signedFetch(`${api.url}/settlement/periods/${second}/statements.csv`, { headers: FINANCE });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('period,tenantId,currency,pointsIssued,pointsReversed,netPointsIssued,issuedValueMinor,issuedChargeMinor,fundedRedemptions,fundedRedemptionPoints,fundedRedemptionValueMinor,fundedRedemptionTenantShareMinor,netMinor,lateEntries,latePoints,liabilityPoints,liabilityValueMinor');
    expect(lines.slice(1)).toEqual([`${second},${t1},CNY,20,0,20,30,24,0,0,0,0,24,0,0,,`, `${second},${t2},CNY,40,0,40,60,48,0,0,0,0,48,1,40,,`, `${second},centre,CNY,60,,60,90,72,0,0,0,0,72,1,,210,315`, '']);
  }, 240_000);

  it('completes a run killed or cut off from Redis mid-run with the statements an uninterrupted run gives', async () => {
    const [t1] = tenants;
    const killed = monthsBack(5);
    const cut = monthsBack(4);
    const inMonth = (period: string, day: number) => new Date(`${period}-${String(day).padStart(2, '0')}T12:00:00+08:00`);
    const before = (await api.account(member.memberId))?.pending ?? 0;
    await feed.send([
      feed.saleMessage({ receiptNumber: `PSI-${run}-1`, tenantId: t1, cardNumber: member.cardNumber, amountMinor: 30_00, occurredAt: inMonth(killed, 10) }),
      feed.saleMessage({ receiptNumber: `PSI-${run}-2`, tenantId: t1, cardNumber: member.cardNumber, amountMinor: 70_00, occurredAt: inMonth(cut, 10) }),
    ]);
    await waitFor('the sales\' points', async () => ((await api.account(member.memberId))?.pending === before + 100 ? true : undefined), 60_000, 250);
    const queue = new Queue(`points-period-settlement.${env.MONGO_DATABASE}`, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
    try {
      // A month's first run holds its job for a few seconds after closing the month (CLOSE_SETTLE_MS): the moment to interrupt it.
      const interrupted = async (period: string, interrupt: () => Promise<void>) => {
        const started = await api.call<PeriodRunView & Problem>('POST', '/settlement/periods', { period }, FINANCE);
        await waitFor('the run\'s job to be taken', async () => ((await queue.getActiveCount()) > 0 ? true : undefined), 30_000, 20);
        await interrupt();
        return settled(started);
      };
      const afterKill = await interrupted(killed, async () => {
        await points.stop('SIGKILL');
        points = await startServiceProcess('points', port, env);
      });
      const afterRedis = await interrupted(cut, () => restartLocalServer('redis'));
      expect([afterKill, afterRedis].map((r) => [r.status, r.matchesStored, r.progress.percent])).toEqual([
        ['completed', true, 100],
        ['completed', true, 100],
      ]);
      // 1.5 fen a point, 80% charged to the tenant; the liability is what the member held at each month's end.
      const expected = [
        [killed, 30, 45, 36, 30],
        [cut, 70, 105, 84, 100],
      ] as const;
      for (const [period, issued, value, charge, liability] of expected) {
        const stored = await statements(period);
        expect(stored.tenants).toEqual([expect.objectContaining({ tenantId: t1, pointsIssued: issued, issuedValueMinor: value, issuedChargeMinor: charge, netMinor: charge })]);
        expect(stored.centre).toMatchObject({ netPointsIssued: issued, liability: { points: liability, valueMinor: liability * 1.5 } });
        // Run again, uninterrupted: the same statements.
        expect((await settle(period)).matchesStored).toBe(true);
        expect(await statements(period)).toEqual(stored);
      }
    } finally {
      await queue.close();
    }
  }, 240_000);

  it('refuses a month that has not ended or is not one, and callers who are not finance', async () => {
    const current = monthsBack(0);
    const refusals: [Record<string, unknown>, Record<string, string>, number, string][] = [
      [{ period: current }, FINANCE, 400, 'settlement.period-not-ended'],
      [{ period: '2025-13' }, FINANCE, 400, 'settlement.period-invalid'],
      [{ period: 'October' }, FINANCE, 400, ''],
      [{ period: monthsBack(1) }, staff('desk-amy', 'desk'), 403, 'settlement.finance-only'],
    ];
    for (const [body, headers, status, code] of refusals) {
      const answer = await api.call<Problem>('POST', '/settlement/periods', body, headers);
      expect({ body, status: answer.status }).toEqual({ body, status });
      if (code) expect(answer.body.code).toBe(code);
      if (status === 400) expect(answer.body.errors?.map((error) => error.field)).toContain('period');
    }
    expect((await api.call('GET', `/settlement/periods/${monthsBack(1)}/statements`, undefined, FINANCE)).status).toBe(404);
    expect((await api.call('GET', `/settlement/periods/${monthsBack(3)}/statements`, undefined, staff('desk-amy', 'desk'))).status).toBe(403);
  });
});
