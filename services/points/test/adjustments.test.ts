import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { infraEnv, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';

interface Balances {
  available: number;
  pending: number;
  lifetimeEarned: number;
  redeemed: number;
  expired: number;
  debt: number;
}

interface AdjustmentView {
  id: string;
  memberId: string;
  points: number;
  reason: string;
  reference?: string;
  staffId: string;
  at: string;
  before: Balances;
  after: Balances;
  entryId: string;
}

interface EntryView {
  id: string;
  kind: string;
  deltas: Partial<Balances>;
  cause: { type: string; adjustmentId?: string; reason?: string; reference?: string; staffId?: string };
}

const SUPERVISOR = staff('sup-chen', 'supervisor');

/**
 * Staff adjustments on the real servers: the built points service as a process, members
 * registered on Kafka, adjustments made over HTTP with the staff headers the gateway forwards.
 */
describe('staff adjustments of points', () => {
  const port = testPort(13113)
  const run = randomUUID().slice(0, 8);
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let members: TestMember[];
  const api = new PointsApi(`http://127.0.0.1:${port}`);

  const adjust = (body: Record<string, unknown>, headers: Record<string, string> = SUPERVISOR) =>
    api.call<AdjustmentView & Problem>('POST', '/adjustments', body, headers);
  const audit = async (memberId: string) => (await api.call<AdjustmentView[]>('GET', `/adjustments?memberId=${memberId}`)).body;

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-adjustments-${run}`;
    await consumeFromNow(group);
    // A small limit per adjustment, to see it refused.
    env = pointsEnv(port, run, group, { ADJUSTMENT_MAX_POINTS: '10000' });
    points = await startServiceProcess('points', port, env);
    members = await feed.registerMembers(4);
    await waitFor('the members\' accounts', async () => {
      const accounts = await Promise.all(members.map((member) => api.account(member.memberId)));
      return accounts.every(Boolean) ? true : undefined;
    }, 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    await dropDatabase(run);
  });

  it('refuses an adjustment without a reason or with no points, naming the field, and writes nothing', async () => {
    const [member] = members;
    const refusals: [Record<string, unknown>, string][] = [
      [{ memberId: member.memberId, points: 100 }, 'reason'],
      [{ memberId: member.memberId, points: 100, reason: '   ' }, 'reason'],
      [{ memberId: member.memberId, points: 0, reason: 'nothing' }, 'points'],
      [{ memberId: member.memberId, points: 2.5, reason: 'half a point' }, 'points'],
      [{ memberId: member.memberId, points: 10_001, reason: 'a typo' }, 'points'],
      [{ memberId: 'not-a-member-id', points: 100, reason: 'who' }, 'memberId'],
    ];
    for (const [body, field] of refusals) {
      const answer = await adjust(body);
      expect({ body, status: answer.status, fields: [...new Set(answer.body.errors?.map((e) => e.field))] }).toEqual({ body, status: 400, fields: [field] });
    }
    const unknown = await adjust({ memberId: randomUUID(), points: 100, reason: 'nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'adjustment.member-unknown', errors: [{ field: 'memberId' }] });
    expect(await audit(member.memberId)).toEqual([]);
    expect(await api.account(member.memberId)).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0 });
  });

  it('is for supervisors only', async () => {
    const [member] = members;
    const body = { memberId: member.memberId, points: 100, reason: 'goodwill' };
    for (const headers of [staff('desk-amy', 'desk'), staff('spec-bo', 'specialist'), staff('fin-dan', 'finance')]) {
      const answer = await adjust(body, headers);
      expect({ headers, status: answer.status, code: answer.body.code }).toEqual({ headers, status: 403, code: 'adjustment.supervisor-only' });
    }
    expect((await adjust(body, {})).status).toBe(401);
    expect(await audit(member.memberId)).toEqual([]);
    expect(await api.account(member.memberId)).toMatchObject({ available: 0 });
  });

  it('credits and debits available points, each an entry with its reason in the statement and an audit record', async () => {
    const member = members[1];
    const credit = await adjust({ memberId: member.memberId, points: 500, reason: '客訴補償 Compensation for a complaint', reference: 'C-2026-118' });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({
      memberId: member.memberId,
      points: 500,
      reason: '客訴補償 Compensation for a complaint',
      reference: 'C-2026-118',
      staffId: 'sup-chen',
      before: { available: 0, pending: 0, lifetimeEarned: 0 },
      after: { available: 500, pending: 0, lifetimeEarned: 0 },
      entryId: `adjust:${credit.body.id}`,
    });
    const debit = await adjust({ memberId: member.memberId, points: -200, reason: 'Points credited twice by mistake' }, staff('admin', 'admin'));
    expect(debit.status).toBe(201);
    expect(debit.body).toMatchObject({ staffId: 'admin', before: { available: 500 }, after: { available: 300 } });

    // Adjustments are not earnings: lifetime earned (and qualifying spend) stay as they were.
    expect(await api.account(member.memberId)).toMatchObject({ available: 300, pending: 0, lifetimeEarned: 0 });
    const entries = (await api.call<EntryView[]>('GET', `/ledger/members/${member.memberId}/entries`)).body;
    expect(entries).toEqual([
      expect.objectContaining({
        id: `adjust:${credit.body.id}`,
        kind: 'adjustment',
        deltas: { available: 500 },
        cause: { type: 'adjustment', adjustmentId: credit.body.id, reason: '客訴補償 Compensation for a complaint', reference: 'C-2026-118', staffId: 'sup-chen' },
      }),
      expect.objectContaining({
        id: `adjust:${debit.body.id}`,
        deltas: { available: -200 },
        cause: { type: 'adjustment', adjustmentId: debit.body.id, reason: 'Points credited twice by mistake', staffId: 'admin' },
      }),
    ]);
    expect((await audit(member.memberId)).map((a) => [a.id, a.staffId, a.before.available, a.after.available])).toEqual([
      [debit.body.id, 'admin', 500, 300],
      [credit.body.id, 'sup-chen', 0, 500],
    ]);
    expect((await api.call('GET', `/adjustments/${credit.body.id}`)).body).toMatchObject({ id: credit.body.id, reason: '客訴補償 Compensation for a complaint' });
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
  });

  it('refuses a debit beyond the available points, naming what is available, and never overdraws under concurrency', async () => {
    const member = members[2];
    expect((await adjust({ memberId: member.memberId, points: 300, reason: 'Activity gift points' })).status).toBe(201);

    const beyond = await adjust({ memberId: member.memberId, points: -301, reason: 'Too much' });
    expect(beyond.status).toBe(409);
    expect(beyond.body).toMatchObject({ code: 'adjustment.exceeds-available', available: 300, errors: [{ field: 'points' }] });
    expect(await api.account(member.memberId)).toMatchObject({ available: 300 });
    expect(await audit(member.memberId)).toHaveLength(1);

    // Four debits of 100 at the same moment against 300 available: three are made, one refused.
    const answers = await Promise.all(Array.from({ length: 4 }, (_, index) => adjust({ memberId: member.memberId, points: -100, reason: `Debit ${index}` })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409]);
    expect(await api.account(member.memberId)).toMatchObject({ available: 0 });
    // The audit records chain up: each debit saw the balance the one before it left.
    const records = await audit(member.memberId);
    expect(records.map((a) => [a.before.available, a.after.available]).sort((x, y) => y[0] - x[0])).toEqual([
      [300, 200],
      [200, 100],
      [100, 0],
      [0, 300],
    ]);
    expect(await api.ledgerMismatches()).toEqual([]);
  });

  it('finishes at the next start an adjustment whose process stopped after writing its audit record', async () => {
    const member = members[3];
    // The state a process leaves when it dies right after the audit record's insert: the
    // record, and neither its ledger entry nor the account's change.
    const id = randomUUID();
    const balances = { available: 0, pending: 0, lifetimeEarned: 0, redeemed: 0, expired: 0, debt: 0 };
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: env.MONGO_DATABASE }).asPromise();
    try {
      await connection.collection('adjustments').insertOne({
        _id: id as never,
        memberId: member.memberId,
        points: 250,
        reason: 'Interrupted',
        staffId: 'sup-chen',
        at: new Date(),
        before: balances,
        after: { ...balances, available: 250 },
        entryId: `adjust:${id}`,
        applied: false,
      });
    } finally {
      await connection.close();
    }
    await points.stop();
    points = await startServiceProcess('points', port, env);

    await waitFor('the adjustment to be finished', async () => ((await api.account(member.memberId))?.available === 250 ? true : undefined), 60_000, 250);
    const entries = (await api.call<EntryView[]>('GET', `/ledger/members/${member.memberId}/entries`)).body;
    expect(entries).toEqual([expect.objectContaining({ id: `adjust:${id}`, deltas: { available: 250 }, cause: expect.objectContaining({ reason: 'Interrupted' }) as unknown })]);
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
  });
});
