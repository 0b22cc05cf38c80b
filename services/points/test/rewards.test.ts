import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { infraEnv, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';

interface RewardView {
  id: string;
  kind: string;
  name: string;
  pointsPrice: number;
  tiers: string[];
  limit?: { quantity: number; period: string };
  funding: { by: string; tenantId?: string; tenantShareBasisPoints?: number };
  maxHoursPerDay?: number;
  status: string;
  createdBy: string;
  updatedBy: string;
  inStock?: number;
  remainingThisPeriod?: number;
  maxQuantity?: number;
}

interface StockView {
  locations: { location: string; quantity: number; adjustments: { change: number; reason: string; staffId: string; before: number; after: number }[] }[];
}

const SPECIALIST = staff('spec-bo', 'specialist');
const SUPERVISOR = staff('sup-chen', 'supervisor');
const DESK = staff('desk-amy', 'desk');

/**
 * The rewards catalogue on the real servers: staff define rewards and stock them per desk over
 * HTTP; the desk asks what a member may redeem.
 */
describe('the rewards catalogue', () => {
  const port = testPort(13120)
  const run = randomUUID().slice(0, 8);
  const tenant = `tenant-cat-${run}`;
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let members: TestMember[];
  let redis: Redis;
  const api = new PointsApi(`http://127.0.0.1:${port}`);

  const create = (body: Record<string, unknown>) => api.call<RewardView & Problem>('POST', '/rewards', body, SPECIALIST);
  const adjustStock = (rewardId: string, body: Record<string, unknown>) => api.call<Problem & { after: number }>('POST', `/rewards/${rewardId}/stock`, body, SPECIALIST);
  const catalogue = async (query: string) => api.call<RewardView[] & Problem>('GET', `/rewards?${query}`);
  const gift = { kind: 'gift', name: 'Umbrella', pointsPrice: 500, funding: { by: 'centre' } };

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-rewards-${run}`;
    await consumeFromNow(group);
    env = pointsEnv(port, run, group);
    points = await startServiceProcess('points', port, env);
    redis = new Redis(infraEnv().redisUrl, { maxRetriesPerRequest: null });
    await api.registerTenant(tenant, 'open');
    members = await feed.registerMembers(2);
    await waitFor('the members\' accounts', async () => ((await Promise.all(members.map((m) => api.account(m.memberId)))).every(Boolean) ? true : undefined), 120_000, 250);
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

  it('refuses a definition that breaks a rule, naming the fields, and writes nothing', async () => {
    const refusals: [Record<string, unknown>, string[]][] = [
      [{ ...gift, kind: 'hamper' }, ['kind']],
      [{ ...gift, pointsPrice: 0 }, ['pointsPrice']],
      [{ ...gift, pointsPrice: 12.5 }, ['pointsPrice']],
      [{ ...gift, name: '  ' }, ['name']],
      [{ ...gift, availableFrom: '2026-12-01T00:00:00+08:00', availableUntil: '2026-11-01T00:00:00+08:00' }, ['availableUntil']],
      [{ ...gift, availableFrom: '2026-12-01' }, ['availableFrom']],
      [{ ...gift, kind: 'parking' }, ['maxHoursPerDay']],
      [{ ...gift, maxHoursPerDay: 3 }, ['maxHoursPerDay']],
      [{ ...gift, tiers: ['gold', 'GOLD'] }, ['tiers']],
      [{ ...gift, limit: { quantity: 1, period: 'fortnight' } }, ['limit.period']],
      [{ ...gift, funding: { by: 'tenant', tenantId: tenant } }, ['funding.tenantShareBasisPoints']],
      [{ ...gift, funding: { by: 'tenant', tenantId: tenant, tenantShareBasisPoints: 10_001 } }, ['funding.tenantShareBasisPoints']],
      [{ ...gift, funding: { by: 'centre', tenantId: tenant } }, ['funding.tenantId']],
    ];
    for (const [body, fields] of refusals) {
      const answer = await create(body);
      expect({ body, status: answer.status, fields: [...new Set(answer.body.errors?.map((e) => e.field))] }).toEqual({ body, status: 400, fields });
    }
    expect((await api.call('POST', '/rewards', gift, {})).status).toBe(401);
    expect((await catalogue('')).body).toEqual([]);
  });

  it('defines and replaces rewards with their funding, keeping their kind', async () => {
    const created = await create({ ...gift, name: 'Co-funded mug', tiers: ['Gold', 'vip'], limit: { quantity: 1, period: 'month' }, funding: { by: 'tenant', tenantId: tenant, tenantShareBasisPoints: 2_500 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'gift', tiers: ['gold', 'vip'], limit: { quantity: 1, period: 'month' }, funding: { by: 'tenant', tenantId: tenant, tenantShareBasisPoints: 2_500 }, status: 'active', createdBy: 'spec-bo' });

    const replaced = await api.call<RewardView & Problem>('PUT', `/rewards/${created.body.id}`, { ...gift, name: 'Co-funded mug', pointsPrice: 450, funding: { by: 'centre' } }, SUPERVISOR);
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ pointsPrice: 450, tiers: [], funding: { by: 'centre' }, createdBy: 'spec-bo', updatedBy: 'sup-chen' });
    expect(replaced.body.limit).toBeUndefined();
    const kindChange = await api.call<Problem>('PUT', `/rewards/${created.body.id}`, { ...gift, kind: 'voucher' }, SUPERVISOR);
    expect(kindChange.status).toBe(409);
    expect(kindChange.body).toMatchObject({ code: 'reward.kind-immutable', errors: [{ field: 'kind' }] });
    expect((await api.call<Problem>('PUT', `/rewards/${randomUUID()}`, gift, SUPERVISOR)).status).toBe(404);
    expect((await api.call<RewardView>('GET', `/rewards/${created.body.id}`)).body).toMatchObject({ name: 'Co-funded mug', pointsPrice: 450 });
  });

  it('keeps stock per desk with every change and its reason, never below zero, and loses no change made at the same moment', async () => {
    const rewardId = (await create({ ...gift, name: 'Stocked umbrella' })).body.id;
    expect((await adjustStock(rewardId, { location: 'desk-l1', change: 10, reason: 'Delivery note 118' })).body).toMatchObject({ after: 10 });
    expect((await adjustStock(rewardId, { location: 'desk-b2', change: 3, reason: 'Delivery note 118' })).status).toBe(201);
    expect((await adjustStock(rewardId, { location: 'desk-l1', change: -4, reason: 'Moved to the activity stand' })).body).toMatchObject({ after: 6 });

    const below = await adjustStock(rewardId, { location: 'desk-b2', change: -4, reason: 'Stocktake' });
    expect(below.status).toBe(409);
    expect(below.body).toMatchObject({ code: 'stock.below-zero', quantity: 3, errors: [{ field: 'change' }] });
    for (const [body, field] of [
      [{ location: 'desk-l1', change: 1 }, 'reason'],
      [{ location: 'desk-l1', change: 0, reason: 'none' }, 'change'],
      [{ location: 'Desk L1', change: 1, reason: 'typo' }, 'location'],
    ] as const) {
      const answer = await adjustStock(rewardId, body);
      expect({ body, status: answer.status, fields: [...new Set(answer.body.errors?.map((e) => e.field))] }).toEqual({ body, status: 400, fields: [field] });
    }

    // Ten deliveries of one at the same moment: all ten count.
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => adjustStock(rewardId, { location: 'desk-l1', change: 1, reason: `Return ${index}` })));
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const stock = (await api.call<StockView>('GET', `/rewards/${rewardId}/stock`)).body;
    expect(stock.locations.map((level) => [level.location, level.quantity, level.adjustments.length])).toEqual([
      ['desk-b2', 3, 1],
      ['desk-l1', 16, 12],
    ]);
    expect(stock.locations[1].adjustments.slice(0, 2)).toEqual([
      expect.objectContaining({ change: 10, reason: 'Delivery note 118', staffId: 'spec-bo', before: 0, after: 10 }),
      expect.objectContaining({ change: -4, reason: 'Moved to the activity stand', before: 10, after: 6 }),
    ]);
    // The catalogue shows each gift's stock at the desk asked about.
    expect((await catalogue('location=desk-b2')).body.find((reward) => reward.id === rewardId)).toMatchObject({ inStock: 3 });

    const parking = (await create({ kind: 'parking', name: 'Parking (stock test)', pointsPrice: 100, maxHoursPerDay: 3, funding: { by: 'centre' } })).body.id;
    expect((await adjustStock(parking, { location: 'desk-l1', change: 5, reason: 'No' })).body).toMatchObject({ code: 'reward.not-stocked' });
  });

  it('lists for a member only what they may redeem at the desk now, with how many', async () => {
    const [member, gold] = members;
    for (const m of members) expect((await api.call('POST', '/adjustments', { memberId: m.memberId, points: 1_000, reason: 'Catalogue test' }, SUPERVISOR)).status).toBe(201);
    const locks = new DocumentLocks(redis, 'points');
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: env.MONGO_DATABASE }).asPromise();
    try {
      await locks.withLocks('accounts', [gold.memberId], () => connection.collection('accounts').updateOne({ _id: gold.memberId as never }, { $set: { tier: 'gold' } }));
    } finally {
      await connection.close();
    }
    const location = `desk-${run}`;
    const defined = new Set<string>();
    const define = async (name: string, body: Record<string, unknown>, stock?: number) => {
      const id = (await create({ ...gift, name, ...body })).body.id;
      defined.add(id);
      if (stock !== undefined) await adjustStock(id, { location, change: stock, reason: 'Delivery' });
      return id;
    };
    const plenty = await define('Plenty', { pointsPrice: 300 }, 10);
    const monthly = await define('Monthly', { pointsPrice: 100, limit: { quantity: 2, period: 'month' } }, 10);
    await define('Gold only', { pointsPrice: 100, tiers: ['gold'] }, 10);
    await define('Sold out', { pointsPrice: 100 }, 0);
    await define('Elsewhere', { pointsPrice: 100 });
    await define('Too dear', { pointsPrice: 1_001 }, 10);
    await define('Not yet', { pointsPrice: 100, availableFrom: new Date(Date.now() + 86_400_000).toISOString() }, 10);
    await define('Retired', { pointsPrice: 100, status: 'retired' }, 10);
    const parking = await define('Parking', { kind: 'parking', pointsPrice: 400, maxHoursPerDay: 3 });

    // The rewards of the other tests are in the catalogue too; these are this test's.
    const ours = (lines: RewardView[]) => Object.fromEntries(lines.filter((line) => defined.has(line.id)).map((line) => [line.name, [line.inStock, line.remainingThisPeriod, line.maxQuantity]]));
    expect(ours((await catalogue(`location=${location}&memberId=${member.memberId}`)).body)).toEqual({
      Plenty: [10, undefined, 3],
      Monthly: [10, 2, 2],
      Parking: [undefined, undefined, 2],
    });
    expect(Object.keys(ours((await catalogue(`location=${location}&memberId=${gold.memberId}`)).body)).sort()).toEqual(['Gold only', 'Monthly', 'Parking', 'Plenty']);

    // One of the month's two taken: one left.
    expect((await api.call('POST', '/redemptions', { memberId: member.memberId, rewardId: monthly, location }, DESK)).status).toBe(201);
    expect(ours((await catalogue(`location=${location}&memberId=${member.memberId}`)).body)).toMatchObject({ Monthly: [9, 1, 1], Plenty: [10, undefined, 3] });
    expect(plenty).toBeDefined();
    expect(parking).toBeDefined();

    const withoutDesk = await catalogue(`memberId=${member.memberId}`);
    expect(withoutDesk.status).toBe(400);
    expect(withoutDesk.body).toMatchObject({ errors: [{ field: 'location' }] });
    expect((await catalogue(`location=${location}&memberId=${randomUUID()}`)).status).toBe(404);
  });
});
