import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { Queue } from 'bullmq';
import { RedemptionCancelReason, TOPICS, type PointsRedeemed, type RedemptionCancelled } from '@atrium/contracts';
import { DocumentLocks } from '@atrium/document-locks';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, startServiceProcess, TopicRecorder, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';

interface Balances {
  available: number;
  redeemed: number;
  pending: number;
  lifetimeEarned: number;
}

interface RedemptionView {
  id: string;
  code: string;
  status: string;
  memberId: string;
  rewardId: string;
  location?: string;
  quantity: number;
  points: number;
  availableAfter: number;
  voucherCodes?: string[];
  parking?: { plate: string; region: string; hours: number; day: string };
  cancellableUntil?: string;
  cancellation?: { reason: string; staffId?: string };
  entryId: string;
  cancelEntryId?: string;
  failure?: string;
}

interface EntryView {
  id: string;
  kind: string;
  deltas: Partial<Balances>;
  cause: Record<string, unknown>;
}

interface StockView {
  locations?: { location: string; quantity: number }[];
  codes?: { free: number; handedOut: number; voided: number };
}

const DESK = staff('desk-amy', 'desk');
const SPECIALIST = staff('spec-bo', 'specialist');
const SUPERVISOR = staff('sup-chen', 'supervisor');
const LOCATION = 'desk-l1';

/**
 * Redemption at the desk on the real servers: the built points service as a process, members
 * registered on Kafka, available points given by supervisors' adjustments, rewards defined and
 * redeemed over HTTP as the gateway forwards them, events read back from the points topic.
 */
describe('redemption at the desk', () => {
  const port = testPort(13121)
  const run = randomUUID().slice(0, 8);
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let members: TestMember[];
  let recorder: TopicRecorder;
  let redis: Redis;
  let locks: DocumentLocks;
  const api = new PointsApi(`http://127.0.0.1:${port}`);
  const codec = new EventCodec([TOPICS.pointsEvents]);
  let next = 0;
  /** Members no other test uses. */
  const take = (count: number) => {
    const taken = members.slice(next, next + count);
    next += count;
    if (taken.length < count) throw new Error('not enough test members');
    return taken;
  };

  const redeem = (body: Record<string, unknown>, headers: Record<string, string> = DESK) => api.call<RedemptionView & Problem>('POST', '/redemptions', body, headers);
  const cancel = (id: string, headers: Record<string, string> = DESK) => api.call<RedemptionView & Problem>('POST', `/redemptions/${id}/cancel`, {}, headers);
  const balances = async (memberId: string) => (await api.call<Balances>('GET', `/accounts/${memberId}`)).body;
  const statement = async (memberId: string) => (await api.call<EntryView[]>('GET', `/ledger/members/${memberId}/entries`)).body;
  const stockOf = async (rewardId: string) => (await api.call<StockView>('GET', `/rewards/${rewardId}/stock`)).body;
  const stockAt = async (rewardId: string, location = LOCATION) => (await stockOf(rewardId)).locations?.find((level) => level.location === location)?.quantity;

  async function credit(memberId: string, amount: number): Promise<void> {
    const answer = await api.call('POST', '/adjustments', { memberId, points: amount, reason: 'Points for the redemption tests' }, SUPERVISOR);
    if (answer.status !== 201) throw new Error(`credit answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }

  async function reward(body: Record<string, unknown>): Promise<string> {
    const answer = await api.call<{ id: string }>('POST', '/rewards', { kind: 'gift', funding: { by: 'centre' }, ...body }, SPECIALIST);
    if (answer.status !== 201) throw new Error(`POST /rewards answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.id;
  }

  async function restock(rewardId: string, change: number, location = LOCATION): Promise<void> {
    const answer = await api.call('POST', `/rewards/${rewardId}/stock`, { location, change, reason: 'Delivery' }, SPECIALIST);
    if (answer.status !== 201) throw new Error(`stock answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }

  /** Changes a stored document the way a stopped process or the passing of time would, holding its lock as the service does. */
  async function inDatabase(work: (db: mongoose.Connection) => Promise<unknown>): Promise<void> {
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: env.MONGO_DATABASE }).asPromise();
    try {
      await work(connection);
    } finally {
      await connection.close();
    }
  }

  function recorded<T>(type: string, redemptionId: string): T | undefined {
    for (const message of recorder.messages) {
      let event: ReturnType<EventCodec['decode']>;
      try {
        event = codec.decode(TOPICS.pointsEvents, message.value);
      } catch {
        // Another run's event of a type this build does not know.
        continue;
      }
      if (event.type === type && (event.payload as { redemptionId: string }).redemptionId === redemptionId) return event.payload as T;
    }
    return undefined;
  }

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-redemptions-${run}`;
    await consumeFromNow(group);
    env = pointsEnv(port, run, group);
    points = await startServiceProcess('points', port, env);
    recorder = await new TopicRecorder(new Kafka({ clientId: 'points-test-redemptions', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }), [TOPICS.pointsEvents.name]).start(false);
    redis = new Redis(infraEnv().redisUrl, { maxRetriesPerRequest: null });
    locks = new DocumentLocks(redis, 'points');
    members = await feed.registerMembers(56);
    await waitFor('the members\' accounts', async () => {
      const accounts = await Promise.all(members.map((member) => api.account(member.memberId)));
      return accounts.every(Boolean) ? true : undefined;
    }, 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    await recorder?.stop();
    redis?.disconnect();
    const queue = new Queue(`points-reservations.${env.MONGO_DATABASE}`, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
    await queue.obliterate({ force: true });
    await queue.close();
    await dropDatabase(run);
  });

  it('never oversells the last items when 40 desks redeem them at the same moment, and charges exactly those who got one', async () => {
    const crowd = take(40);
    await Promise.all(crowd.map((member) => credit(member.memberId, 1_000)));
    const rewardId = await reward({ name: 'Last umbrellas', pointsPrice: 300 });
    await restock(rewardId, 5);

    const answers = await Promise.all(crowd.map((member) => redeem({ memberId: member.memberId, rewardId, location: LOCATION })));

    const won = answers.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(5);
    expect(answers.filter((answer) => answer.status !== 201).map((answer) => [answer.status, answer.body.code])).toEqual(Array.from({ length: 35 }, () => [409, 'redemption.out-of-stock']));
    expect(await stockAt(rewardId)).toBe(0);
    // What was paid, member by member, against what was taken.
    const after = await Promise.all(crowd.map(async (member) => ({ member, balances: await balances(member.memberId) })));
    const winners = new Set(won.map((answer) => answer.body.memberId));
    for (const { member, balances: b } of after) {
      expect({ memberId: member.memberId, available: b.available, redeemed: b.redeemed }).toEqual(
        winners.has(member.memberId) ? { memberId: member.memberId, available: 700, redeemed: 300 } : { memberId: member.memberId, available: 1_000, redeemed: 0 },
      );
    }
    expect(after.reduce((sum, { balances: b }) => sum + (1_000 - b.available), 0)).toBe(5 * 300);
    const listed = (await api.call<RedemptionView[]>('GET', `/redemptions?rewardId=${rewardId}`)).body;
    expect(listed.map((r) => r.status)).toEqual(Array.from({ length: 5 }, () => 'completed'));
    expect(new Set(listed.map((r) => r.code)).size).toBe(5);
    expect(await api.ledgerMismatches()).toEqual([]);
  }, 120_000);

  it('never takes more points than a member has, however many redemptions of theirs arrive at once', async () => {
    const [member] = take(1);
    await credit(member.memberId, 1_000);
    const rewardId = await reward({ name: 'Tote bag', pointsPrice: 300 });
    await restock(rewardId, 50);
    const answers = await Promise.all(Array.from({ length: 8 }, () => redeem({ memberId: member.memberId, rewardId, location: LOCATION })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.code === 'redemption.insufficient-points')).toBe(true);
    expect(await balances(member.memberId)).toMatchObject({ available: 100, redeemed: 900 });
    expect(await stockAt(rewardId)).toBe(47);
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
  });

  it('refuses what may not be redeemed, naming the reason and the field, and takes nothing', async () => {
    const [member, gold] = take(2);
    await credit(member.memberId, 500);
    await credit(gold.memberId, 500);
    await locks.withLocks('accounts', [gold.memberId], () => inDatabase((db) => db.collection('accounts').updateOne({ _id: gold.memberId as never }, { $set: { tier: 'gold' } })));
    const cheap = await reward({ name: 'Keyring', pointsPrice: 100, limit: { quantity: 1, period: 'month' } });
    const dear = await reward({ name: 'Thermos', pointsPrice: 600 });
    const goldOnly = await reward({ name: 'Lounge pass', pointsPrice: 100, tiers: ['gold', 'vip'] });
    const later = await reward({ name: 'New year gift', pointsPrice: 100, availableFrom: new Date(Date.now() + 86_400_000).toISOString() });
    const over = await reward({ name: 'Mid-autumn gift', pointsPrice: 100, availableUntil: new Date(Date.now() - 1_000).toISOString() });
    for (const id of [cheap, dear, goldOnly, later, over]) await restock(id, 10);
    const few = await reward({ name: 'Scarf', pointsPrice: 10 });
    await restock(few, 2);

    expect((await redeem({ memberId: member.memberId, rewardId: cheap, location: LOCATION })).status).toBe(201);
    const refusals: [Record<string, unknown>, number, string, string, Record<string, unknown>][] = [
      [{ rewardId: dear, location: LOCATION }, 409, 'redemption.insufficient-points', 'quantity', { required: 600, available: 400 }],
      [{ rewardId: few, location: LOCATION, quantity: 3 }, 409, 'redemption.out-of-stock', 'quantity', { inStock: 2 }],
      [{ rewardId: few, location: 'desk-b2' }, 409, 'redemption.out-of-stock', 'quantity', { inStock: 0 }],
      [{ rewardId: goldOnly, location: LOCATION }, 409, 'redemption.tier-not-allowed', 'memberId', { tier: 'basic', allowedTiers: ['gold', 'vip'] }],
      [{ rewardId: cheap, location: LOCATION }, 409, 'redemption.limit-reached', 'quantity', { limit: 1, period: 'month', used: 1 }],
      [{ rewardId: later, location: LOCATION }, 409, 'redemption.outside-window', 'rewardId', {}],
      [{ rewardId: over, location: LOCATION }, 409, 'redemption.outside-window', 'rewardId', {}],
      [{ rewardId: few }, 400, 'redemption.field-invalid', 'location', {}],
      [{ rewardId: few, location: LOCATION, plate: '粤B12345' }, 400, 'redemption.field-invalid', 'plate', {}],
      [{ rewardId: randomUUID(), location: LOCATION }, 404, 'reward.not-found', 'rewardId', {}],
      [{ rewardId: few, location: LOCATION, quantity: 0 }, 400, 'request.invalid', 'quantity', {}],
      [{ rewardId: few, location: 'Desk 1' }, 400, 'request.invalid', 'location', {}],
    ];
    for (const [body, status, code, field, details] of refusals) {
      const answer = await redeem({ memberId: member.memberId, ...body });
      expect({ body, status: answer.status, code: answer.body.code, fields: answer.body.errors?.map((e) => e.field) }).toEqual({ body, status, code, fields: [field] });
      expect(answer.body).toMatchObject(details);
    }
    const nobody = await redeem({ memberId: randomUUID(), rewardId: few, location: LOCATION });
    expect(nobody.status).toBe(404);
    expect(nobody.body).toMatchObject({ code: 'redemption.member-unknown', errors: [{ field: 'memberId' }] });
    expect((await redeem({ memberId: member.memberId, rewardId: few, location: LOCATION }, {})).status).toBe(401);

    // Only the one redemption was made; nothing else was taken.
    expect(await balances(member.memberId)).toMatchObject({ available: 400, redeemed: 100 });
    expect(await stockAt(few)).toBe(2);
    expect((await api.call<RedemptionView[]>('GET', `/members/${member.memberId}/redemptions`)).body.map((r) => r.rewardId)).toEqual([cheap]);
    // A gold member may have the lounge pass.
    expect((await redeem({ memberId: gold.memberId, rewardId: goldOnly, location: LOCATION })).status).toBe(201);
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
  });

  it('gives parking hours to a plate of a known format, at most the daily maximum per plate whoever redeems them', async () => {
    const [driver, passenger] = take(2);
    await credit(driver.memberId, 1_000);
    await credit(passenger.memberId, 1_000);
    const parking = await reward({ kind: 'parking', name: '停車優惠 Parking', pointsPrice: 100, maxHoursPerDay: 3 });

    for (const [plate, hours, status, field] of [
      ['粤B1234', 2, 400, 'plate'],
      ['ZZ-ABC-9', 2, 400, 'plate'],
      ['粤B12345', 4, 400, 'hours'],
      ['粤B12345', undefined, 400, 'hours'],
    ] as const) {
      const answer = await redeem({ memberId: driver.memberId, rewardId: parking, plate, ...(hours ? { hours } : {}) });
      expect({ plate, hours, status: answer.status, fields: answer.body.errors?.map((e) => e.field) }).toEqual({ plate, hours, status, fields: [field] });
    }
    const first = await redeem({ memberId: driver.memberId, rewardId: parking, plate: '粵b·12345', hours: 2, location: LOCATION });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ points: 200, quantity: 1, parking: { plate: '粤B12345', region: 'mainland', hours: 2 } });
    // The same car, another member: only one hour of the day is left.
    const over = await redeem({ memberId: passenger.memberId, rewardId: parking, plate: '粤B12345', hours: 2 });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'redemption.parking-daily-limit', maxHoursPerDay: 3, usedToday: 2, remaining: 1, errors: [{ field: 'hours' }] });
    expect((await redeem({ memberId: passenger.memberId, rewardId: parking, plate: '粤B12345', hours: 1 })).status).toBe(201);
    // Other formats: a new-energy car and a Hong Kong car.
    expect((await redeem({ memberId: passenger.memberId, rewardId: parking, plate: '粤BD12345', hours: 3 })).body).toMatchObject({ parking: { region: 'mainland-new-energy' } });
    expect((await redeem({ memberId: passenger.memberId, rewardId: parking, plate: 'ab 1234', hours: 1 })).body).toMatchObject({ parking: { plate: 'AB1234', region: 'hong-kong' } });
    expect(await balances(driver.memberId)).toMatchObject({ available: 800, redeemed: 200 });
    expect(await balances(passenger.memberId)).toMatchObject({ available: 500, redeemed: 500 });
    expect(await api.ledgerMismatches()).toEqual([]);
  });

  it('hands each voucher code out once, and voids the code of a cancelled redemption', async () => {
    const shoppers = take(4);
    await Promise.all(shoppers.map((shopper) => credit(shopper.memberId, 1_000)));
    const definition = { kind: 'voucher', name: 'Coffee voucher', pointsPrice: 200, funding: { by: 'tenant', tenantId: `cafe-${run}`, tenantShareBasisPoints: 10_000 } };
    // The funding tenant must be known first.
    expect((await api.call<Problem>('POST', '/rewards', definition, SPECIALIST)).body).toMatchObject({ code: 'reward.funding-tenant-unknown', errors: [{ field: 'funding.tenantId' }] });
    await api.registerTenant(`cafe-${run}`, 'open');
    const voucherId = await reward(definition);
    const upload = await api.call('POST', `/rewards/${voucherId}/codes`, { codes: ['CAFE-0001', 'CAFE-0002', 'CAFE-0003', 'CAFE-0001'] }, SPECIALIST);
    expect(upload.body).toEqual({ added: 3, duplicates: 1, free: 3 });

    const answers = await Promise.all(shoppers.map((shopper) => redeem({ memberId: shopper.memberId, rewardId: voucherId })));
    const won = answers.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(3);
    expect(answers.find((answer) => answer.status !== 201)?.body).toMatchObject({ code: 'redemption.out-of-stock', inStock: 0 });
    expect(won.flatMap((answer) => answer.body.voucherCodes ?? []).sort()).toEqual(['CAFE-0001', 'CAFE-0002', 'CAFE-0003']);

    expect((await cancel(won[0].body.id)).body).toMatchObject({ status: 'cancelled' });
    // The member saw the code: it is void, not handed out again.
    expect((await stockOf(voucherId)).codes).toEqual({ free: 0, handedOut: 2, voided: 1 });
    expect(await balances(won[0].body.memberId)).toMatchObject({ available: 1_000, redeemed: 0 });
    const event = await waitFor('points.redeemed for the voucher', () => Promise.resolve(recorded<PointsRedeemed>('points.redeemed', won[1].body.id)));
    expect(event).toMatchObject({ fundingTenantId: `cafe-${run}`, tenantShareBasisPoints: 10_000, points: 200n, quantity: 1 });
  });

  it('prints a slip with the code, the desk, the member masked and the balance after', async () => {
    const [member] = take(1);
    await credit(member.memberId, 900);
    const rewardId = await reward({ name: '環保購物袋 Shopping bag', pointsPrice: 250 });
    await restock(rewardId, 3);
    const made = await redeem({ memberId: member.memberId, rewardId, location: LOCATION, quantity: 2 });
    expect(made.status).toBe(201);
    expect(made.body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const slip = await api.call<Record<string, unknown>>('GET', `/redemptions/${made.body.id}/receipt`);
    expect(slip.status).toBe(200);
    expect(slip.body).toMatchObject({
      code: made.body.code,
      status: 'completed',
      location: LOCATION,
      servedBy: 'desk-amy',
      member: { memberId: member.memberId, card: `${'*'.repeat(member.cardNumber.length - 4)}${member.cardNumber.slice(-4)}`, phone: expect.stringMatching(/^\+86\*+\d{4}$/) as unknown },
      lines: [{ description: '環保購物袋 Shopping bag', quantity: 2, pointsEach: 250, points: 500 }],
      totalPoints: 500,
      availableAfter: 400,
      timeZone: 'Asia/Shanghai',
      cancellableUntil: made.body.cancellableUntil,
    });
    expect(slip.body.redeemedAtLocal).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The desk finds it by the code, typed any way.
    const found = await api.call<RedemptionView[]>('GET', `/redemptions?code=${made.body.code.toLowerCase().replace('-', '')}`);
    expect(found.body.map((r) => r.id)).toEqual([made.body.id]);
  });

  it('cancels within the window exactly once, even when asked twice at the same moment, and refuses after the window, naming it', async () => {
    const [member] = take(1);
    await credit(member.memberId, 1_000);
    const rewardId = await reward({ name: 'Power bank', pointsPrice: 400 });
    await restock(rewardId, 2);
    const made = await redeem({ memberId: member.memberId, rewardId, location: LOCATION });
    expect(made.status).toBe(201);
    expect(await balances(member.memberId)).toMatchObject({ available: 600, redeemed: 400 });
    expect(await stockAt(rewardId)).toBe(1);

    const both = await Promise.all([cancel(made.body.id), cancel(made.body.id)]);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(both.find((answer) => answer.status === 409)?.body).toMatchObject({ code: 'redemption.already-cancelled', redemptionStatus: 'cancelled' });
    expect(both.find((answer) => answer.status === 200)?.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'staff', staffId: 'desk-amy' } });
    expect(await balances(member.memberId)).toMatchObject({ available: 1_000, redeemed: 0 });
    expect(await stockAt(rewardId)).toBe(2);
    const entries = (await statement(member.memberId)).filter((entry) => entry.kind !== 'adjustment');
    expect(entries.map((entry) => [entry.id, entry.deltas])).toEqual([
      [`redeem:${made.body.id}`, { available: -400, redeemed: 400 }],
      [`redeem-cancel:${made.body.id}`, { available: 400, redeemed: -400 }],
    ]);
    expect(entries[0].cause).toMatchObject({ type: 'redemption', code: made.body.code, rewardName: 'Power bank', location: LOCATION, channel: 'desk', staffId: 'desk-amy', funding: { by: 'centre' } });
    expect(entries[1].cause).toMatchObject({ type: 'redemption-cancel', reason: 'staff', staffId: 'desk-amy' });

    // Both events reach the points topic, the cancellation naming why.
    expect(await waitFor('points.redeemed', () => Promise.resolve(recorded<PointsRedeemed>('points.redeemed', made.body.id)))).toMatchObject({ memberId: member.memberId, code: made.body.code, points: 400n, availableBalance: 600n, pendingBalance: 0n });
    expect(await waitFor('points.redemption-cancelled', () => Promise.resolve(recorded<RedemptionCancelled>('points.redemption-cancelled', made.body.id)))).toMatchObject({
      points: 400n,
      reason: RedemptionCancelReason.STAFF,
      availableBalance: 1_000n,
    });

    // A redemption made 31 minutes ago is past the 30-minute window.
    const old = await redeem({ memberId: member.memberId, rewardId, location: LOCATION });
    await locks.withLocks('redemptions', [old.body.id], () =>
      inDatabase((db) => db.collection('redemptions').updateOne({ _id: old.body.id as never }, { $set: { createdAt: new Date(Date.now() - 31 * 60_000) } })),
    );
    const late = await cancel(old.body.id);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'redemption.cancel-window-passed', cancelWindowMinutes: 30, errors: [{ field: 'redemptionId' }] });
    expect(await balances(member.memberId)).toMatchObject({ available: 600, redeemed: 400 });
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
  });

  it('finishes at the next start a redemption whose process stopped half way, or undoes one that can no longer complete', async () => {
    const [payer, broke] = take(2);
    await credit(payer.memberId, 500);
    await credit(broke.memberId, 100);
    const rewardId = await reward({ name: 'Lunch box', pointsPrice: 300 });
    await restock(rewardId, 5);
    // The state a process leaves when it dies right after taking the stock: the redemption
    // (its step marker set) and the stock's change, but no ledger entry and no balance change.
    // The second one's member no longer has the points (spent meanwhile).
    const interrupted = [payer, broke].map((member) => ({ member, id: randomUUID() }));
    await inDatabase(async (db) => {
      for (const { member, id } of interrupted) {
        await db.collection('redemptions').insertOne({
          _id: id as never,
          code: `T${run.slice(0, 3).toUpperCase()}-${id.slice(0, 4).toUpperCase()}`,
          channel: 'desk',
          status: 'processing',
          memberId: member.memberId,
          rewardId,
          rewardName: 'Lunch box',
          rewardKind: 'gift',
          funding: { by: 'centre' },
          location: LOCATION,
          quantity: 1,
          pointsPrice: 300,
          points: 300,
          availableAfter: 200,
          createdAt: new Date(),
          staffId: 'desk-amy',
          entryId: `redeem:${id}`,
          step: 'take',
          stepAt: new Date(),
        });
        await locks.withLocks('reward_stock', [`${rewardId}|${LOCATION}`], () =>
          db.collection('reward_stock').updateOne({ _id: `${rewardId}|${LOCATION}` as never }, { $inc: { quantity: -1 }, $push: { appliedOps: `take:${id}` as never } }),
        );
      }
    });
    expect(await stockAt(rewardId)).toBe(3);
    await points.stop();
    points = await startServiceProcess('points', port, env);

    const [done, undone] = await waitFor('both to be finished', async () => {
      const views = await Promise.all(interrupted.map(async ({ id }) => (await api.call<RedemptionView>('GET', `/redemptions/${id}`)).body));
      return views.every((view) => view.status !== 'processing') ? views : undefined;
    }, 60_000, 250);
    expect(done).toMatchObject({ status: 'completed' });
    expect(undone).toMatchObject({ status: 'failed', failure: expect.stringContaining('points') as unknown });
    expect(await balances(payer.memberId)).toMatchObject({ available: 200, redeemed: 300 });
    expect(await balances(broke.memberId)).toMatchObject({ available: 100, redeemed: 0 });
    // One unit taken for good, the other given back.
    expect(await stockAt(rewardId)).toBe(4);
    expect((await statement(payer.memberId)).map((entry) => entry.id)).toContain(`redeem:${interrupted[0].id}`);
    expect((await statement(broke.memberId)).map((entry) => entry.id)).not.toContain(`redeem:${interrupted[1].id}`);
    expect(await api.ledgerMismatches()).toEqual([]);
  }, 120_000);
});
