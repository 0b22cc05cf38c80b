import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { RedemptionCancelReason, TOPICS, type RedemptionCancelled } from '@atrium/contracts';
import { DocumentLocks } from '@atrium/document-locks';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, startServiceProcess, TopicRecorder, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';

interface ReservationView {
  id: string;
  code: string;
  channel: string;
  status: string;
  memberId: string;
  location?: string;
  points: number;
  redeemedAt: string;
  expiresAt?: string;
  collectedAt?: string;
  collectedBy?: string;
  cancellableUntil?: string;
  cancellation?: { reason: string; staffId?: string };
}

const DESK = staff('desk-amy', 'desk');
const SPECIALIST = staff('spec-bo', 'specialist');
const SUPERVISOR = staff('sup-chen', 'supervisor');
const LOCATION = 'desk-l1';
const HOLD_SECONDS = 3_600;

/**
 * Shoppers' online reservations on the real servers: reserved with the header the gateway's
 * shopper routes set, collected at the desk, let go, and expired by the BullMQ sweep (every
 * second here) — each returning points and stock exactly once.
 */
describe('online reservations', () => {
  const port = testPort(13122)
  const run = randomUUID().slice(0, 8);
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let members: TestMember[];
  let recorder: TopicRecorder;
  let redis: Redis;
  const api = new PointsApi(`http://127.0.0.1:${port}`);
  const codec = new EventCodec([TOPICS.pointsEvents]);
  let next = 0;
  const take = (count: number) => {
    const taken = members.slice(next, next + count);
    next += count;
    if (taken.length < count) throw new Error('not enough test members');
    return taken;
  };

  const shopper = (member: TestMember) => ({ 'x-atrium-shopper': member.memberId });
  const reserve = (member: TestMember, body: Record<string, unknown>) => api.call<ReservationView & Problem>('POST', '/reservations', body, shopper(member));
  const collect = (id: string, body: Record<string, unknown> = { location: LOCATION }) => api.call<ReservationView & Problem>('POST', `/reservations/${id}/collect`, body, DESK);
  const view = async (id: string) => (await api.call<ReservationView>('GET', `/redemptions/${id}`)).body;
  const balances = async (memberId: string) => (await api.call<{ available: number; redeemed: number }>('GET', `/accounts/${memberId}`)).body;
  const stockAt = async (rewardId: string) =>
    (await api.call<{ locations: { location: string; quantity: number }[] }>('GET', `/rewards/${rewardId}/stock`)).body.locations.find((level) => level.location === LOCATION)?.quantity;

  async function credit(memberId: string, amount: number): Promise<void> {
    const answer = await api.call('POST', '/adjustments', { memberId, points: amount, reason: 'Points for the reservation tests' }, SUPERVISOR);
    if (answer.status !== 201) throw new Error(`credit answered ${answer.status}`);
  }

  async function gift(name: string, pointsPrice: number, stock: number): Promise<string> {
    const created = await api.call<{ id: string }>('POST', '/rewards', { kind: 'gift', name, pointsPrice, funding: { by: 'centre' } }, SPECIALIST);
    if (created.status !== 201) throw new Error(`POST /rewards answered ${created.status}`);
    const stocked = await api.call('POST', `/rewards/${created.body.id}/stock`, { location: LOCATION, change: stock, reason: 'Delivery' }, SPECIALIST);
    if (stocked.status !== 201) throw new Error(`stock answered ${stocked.status}`);
    return created.body.id;
  }

  /** What the passing of time does to a reservation: its hold ends (written under its lock, as the service writes it). */
  async function pastItsTime(id: string): Promise<void> {
    const connection = await mongoose.createConnection(infraEnv().mongoUrl, { dbName: env.MONGO_DATABASE }).asPromise();
    try {
      await new DocumentLocks(redis, 'points').withLocks('redemptions', [id], () =>
        connection.collection('redemptions').updateOne({ _id: id as never }, { $set: { expiresAt: new Date(Date.now() - 1_000) } }),
      );
    } finally {
      await connection.close();
    }
  }

  function cancelledEvent(redemptionId: string): RedemptionCancelled | undefined {
    for (const message of recorder.messages) {
      try {
        const event = codec.decode(TOPICS.pointsEvents, message.value);
        if (event.type === 'points.redemption-cancelled' && (event.payload as RedemptionCancelled).redemptionId === redemptionId) return event.payload as RedemptionCancelled;
      } catch {
        // Another run's event of a type this build does not know.
      }
    }
    return undefined;
  }

  beforeAll(async () => {
    feed = await new Feed().start();
    const group = `points-test-reservations-${run}`;
    await consumeFromNow(group);
    env = pointsEnv(port, run, group, { RESERVATION_HOLD_SECONDS: String(HOLD_SECONDS), RESERVATION_SWEEP_SECONDS: '1' });
    points = await startServiceProcess('points', port, env);
    recorder = await new TopicRecorder(new Kafka({ clientId: 'points-test-reservations', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }), [TOPICS.pointsEvents.name]).start(false);
    redis = new Redis(infraEnv().redisUrl, { maxRetriesPerRequest: null });
    members = await feed.registerMembers(20);
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

  it('holds points and the desk\'s stock at once, and the desk hands the gift over', async () => {
    const [member] = take(1);
    await credit(member.memberId, 1_000);
    const rewardId = await gift('Umbrella', 400, 2);

    const reserved = await reserve(member, { rewardId, location: LOCATION });
    expect(reserved.status).toBe(201);
    expect(reserved.body).toMatchObject({ channel: 'online', status: 'reserved', memberId: member.memberId, location: LOCATION, points: 400 });
    expect(reserved.body.staffId).toBeUndefined();
    expect(new Date(reserved.body.expiresAt!).getTime() - new Date(reserved.body.redeemedAt).getTime()).toBe(HOLD_SECONDS * 1_000);
    expect(await balances(member.memberId)).toMatchObject({ available: 600, redeemed: 400 });
    expect(await stockAt(rewardId)).toBe(1);

    const elsewhere = await collect(reserved.body.id, { location: 'desk-b2' });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toMatchObject({ code: 'reservation.wrong-location', location: LOCATION, errors: [{ field: 'location' }] });
    const collected = await collect(reserved.body.id);
    expect(collected.status).toBe(200);
    expect(collected.body).toMatchObject({ status: 'collected', collectedBy: 'desk-amy' });
    expect(collected.body.cancellableUntil).toBeDefined();
    expect((await collect(reserved.body.id)).body).toMatchObject({ code: 'reservation.not-reserved', redemptionStatus: 'collected' });
    // Collecting takes nothing more.
    expect(await balances(member.memberId)).toMatchObject({ available: 600, redeemed: 400 });
    expect(await stockAt(rewardId)).toBe(1);
    const slip = await api.call<Record<string, unknown>>('GET', `/redemptions/${reserved.body.id}/receipt`);
    expect(slip.body).toMatchObject({ code: reserved.body.code, channel: 'online', status: 'collected', reservation: { collectedBy: 'desk-amy' } });

    // Handed back at the desk right after: both return.
    const undone = await api.call<ReservationView>('POST', `/redemptions/${reserved.body.id}/cancel`, {}, DESK);
    expect(undone.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'staff', staffId: 'desk-amy' } });
    expect(await balances(member.memberId)).toMatchObject({ available: 1_000, redeemed: 0 });
    expect(await stockAt(rewardId)).toBe(2);
    expect(await api.ledgerMismatches(member.memberId)).toEqual([]);
  });

  it('expires a reservation nobody collected, giving its points and stock back once', async () => {
    const [member, late] = take(2);
    await credit(member.memberId, 500);
    await credit(late.memberId, 500);
    const rewardId = await gift('Mooncake box', 300, 3);
    const reserved = await reserve(member, { rewardId, location: LOCATION });
    const alsoReserved = await reserve(late, { rewardId, location: LOCATION });
    expect(await stockAt(rewardId)).toBe(1);

    await pastItsTime(reserved.body.id);
    const expired = await waitFor('the sweep to expire it', async () => {
      const current = await view(reserved.body.id);
      return current.status === 'expired' ? current : undefined;
    }, 30_000, 200);
    expect(expired.cancellation).toMatchObject({ reason: 'reservation-expired' });
    expect(await balances(member.memberId)).toMatchObject({ available: 500, redeemed: 0 });
    expect(await stockAt(rewardId)).toBe(2);
    expect(await waitFor('points.redemption-cancelled', () => Promise.resolve(cancelledEvent(reserved.body.id)))).toMatchObject({
      memberId: member.memberId,
      points: 300n,
      reason: RedemptionCancelReason.RESERVATION_EXPIRED,
    });
    expect((await collect(reserved.body.id)).body).toMatchObject({ code: 'reservation.not-reserved', redemptionStatus: 'expired' });

    // Brought to the desk after its time, before the sweep came by: refused, and it expires then
    // (or the sweep got there first). Either way the points and the stock are back, once.
    await pastItsTime(alsoReserved.body.id);
    const tooLate = await collect(alsoReserved.body.id);
    expect(tooLate.status).toBe(409);
    expect(['reservation.expired', 'reservation.not-reserved']).toContain(tooLate.body.code);
    await waitFor('the second to be expired', async () => ((await view(alsoReserved.body.id)).status === 'expired' ? true : undefined), 30_000, 200);
    expect(await balances(late.memberId)).toMatchObject({ available: 500, redeemed: 0 });
    expect(await stockAt(rewardId)).toBe(3);
    expect((await api.call<{ id: string }[]>('GET', `/ledger/members/${late.memberId}/entries`)).body.map((entry) => entry.id).filter((id) => id.startsWith('redeem'))).toEqual([
      `redeem:${alsoReserved.body.id}`,
      `redeem-cancel:${alsoReserved.body.id}`,
    ]);
    expect(await api.ledgerMismatches()).toEqual([]);
  });

  it('lets the shopper cancel their own reservation, and nobody else\'s', async () => {
    const [member, other] = take(2);
    await credit(member.memberId, 500);
    const rewardId = await gift('Notebook', 200, 1);
    const reserved = await reserve(member, { rewardId, location: LOCATION });
    const cancel = (headers: Record<string, string>) => api.call<ReservationView & Problem>('POST', `/reservations/${reserved.body.id}/cancel`, undefined, headers);

    expect((await cancel(shopper(other))).body).toMatchObject({ code: 'reservation.not-found' });
    expect((await cancel({})).status).toBe(401);
    const mine = await cancel(shopper(member));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'shopper' } });
    expect((await cancel(shopper(member))).body).toMatchObject({ code: 'redemption.already-cancelled' });
    expect(await balances(member.memberId)).toMatchObject({ available: 500, redeemed: 0 });
    expect(await stockAt(rewardId)).toBe(1);
    expect(await waitFor('points.redemption-cancelled', () => Promise.resolve(cancelledEvent(reserved.body.id)))).toMatchObject({ reason: RedemptionCancelReason.SHOPPER });
  });

  it('refuses to reserve what is not collected at a desk, without a shopper, or beyond the points and stock', async () => {
    const [member] = take(1);
    await credit(member.memberId, 300);
    const voucher = await api.call<{ id: string }>('POST', '/rewards', { kind: 'voucher', name: 'Cinema voucher', pointsPrice: 100, funding: { by: 'centre' } }, SPECIALIST);
    const rewardId = await gift('Teddy bear', 200, 1);
    const dear = await gift('Blender', 900, 5);
    const refusals: [Record<string, string>, Record<string, unknown>, number, string][] = [
      [shopper(member), { rewardId: voucher.body.id, location: LOCATION }, 400, 'reservation.not-reservable'],
      [{}, { rewardId, location: LOCATION }, 401, 'reservation.shopper-unknown'],
      [shopper(member), { rewardId }, 400, 'request.invalid'],
      [shopper(member), { rewardId, location: LOCATION, quantity: 2 }, 409, 'redemption.out-of-stock'],
      [shopper(member), { rewardId: dear, location: LOCATION }, 409, 'redemption.insufficient-points'],
    ];
    for (const [headers, body, status, code] of refusals) {
      const answer = await api.call<Problem>('POST', '/reservations', body, headers);
      expect({ body, status: answer.status, code: answer.body.code }).toEqual({ body, status, code });
    }
    expect(await balances(member.memberId)).toMatchObject({ available: 300, redeemed: 0 });
    expect(await stockAt(rewardId)).toBe(1);
  });

  it('never oversells when shoppers online and desks compete for the last items at once', async () => {
    const crowd = take(12);
    await Promise.all(crowd.map((member) => credit(member.memberId, 500)));
    const rewardId = await gift('Limited figurine', 250, 3);
    const answers = await Promise.all(
      crowd.map((member, index) =>
        index % 2 === 0 ? reserve(member, { rewardId, location: LOCATION }) : api.call<ReservationView & Problem>('POST', '/redemptions', { memberId: member.memberId, rewardId, location: LOCATION }, DESK),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status !== 201).every((answer) => answer.status === 409 && answer.body.code === 'redemption.out-of-stock')).toBe(true);
    expect(await stockAt(rewardId)).toBe(0);
    const spent = (await Promise.all(crowd.map((member) => balances(member.memberId)))).reduce((sum, b) => sum + b.redeemed, 0);
    expect(spent).toBe(3 * 250);
    expect(await api.ledgerMismatches()).toEqual([]);
  }, 60_000);
});
