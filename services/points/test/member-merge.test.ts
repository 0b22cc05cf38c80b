import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Queue } from 'bullmq';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { MemberMergedSchema, MemberRegisteredSchema, RegistrationChannel, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';
import { Feed, LONG_AGO, type TestMember } from './support/feed';
import { consumeFromNow, dropDatabase, PointsApi, pointsEnv, staff, type Problem } from './support/points-api';
import { centreDay, dayBefore, settledRun, type DailyRunView } from './support/settlement';

interface Balances {
  available: number;
  pending: number;
  lifetimeEarned: number;
  redeemed: number;
  expired: number;
  debt: number;
}

interface EntryView {
  id: string;
  kind: string;
  memberId: string;
  deltas: Partial<Balances>;
  cause: { type: string; mergedFrom?: string; mergedInto?: string; lots?: { id: string; earnedAt: string; points: number }[]; pendingSales?: { saleEntryId: string; maturesAt: string; points: number }[] };
}

const FINANCE = staff('fin-lee', 'finance');

/**
 * A merge of two records of one person on the real servers: the duplicate earns 3,000 points
 * from the tenants' feed (2,000 matured by the daily settlement, two expiry dates; 1,000 still
 * pending), the member service's `member.merged` arrives on the member topic, and the points
 * follow the survivor once, with their dates, however often the event is delivered.
 */
describe('a merge moves the duplicate\'s points to the surviving member', () => {
  const port = testPort(13161)
  const run = randomUUID().slice(0, 8);
  const group = `points-test-merge-${run}`;
  const tenant = `tenant-mg-${run}`;
  const api = new PointsApi(`http://127.0.0.1:${port}`);
  const codec = new EventCodec([TOPICS.memberEvents]);
  let points: ServiceProcess;
  let env: Record<string, string>;
  let feed: Feed;
  let producer: Producer;
  let survivor: TestMember;
  let duplicate: TestMember;

  const balances = async (memberId: string) => (await api.call<Balances>('GET', `/accounts/${memberId}`)).body;
  const statement = async (memberId: string) => (await api.call<EntryView[]>('GET', `/ledger/members/${memberId}/entries`)).body;
  const startRun = (date: string) => api.call<DailyRunView & Problem>('POST', '/settlement/daily-runs', { date }, FINANCE);
  const merged = (eventId = randomUUID()) => ({
    key: duplicate.memberId,
    value: codec.encode(
      TOPICS.memberEvents,
      'member.merged',
      MemberMergedSchema,
      { survivingMemberId: survivor.memberId, mergedMemberId: duplicate.memberId, closedCardNumbers: [duplicate.cardNumber], reason: 'registered twice', mergedAt: timestampFromDate(new Date()) },
      { eventId, key: duplicate.memberId, occurredAt: new Date(), producer: 'member', traceId: randomUUID() },
    ),
  });
  const registered = (memberId: string) => ({
    key: duplicate.memberId,
    value: codec.encode(
      TOPICS.memberEvents,
      'member.registered',
      MemberRegisteredSchema,
      { memberId, phone: `+86136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, name: 'Marker', channel: RegistrationChannel.DESK, registeredAt: timestampFromDate(new Date()) },
      { eventId: randomUUID(), key: duplicate.memberId, occurredAt: new Date(), producer: 'member', traceId: randomUUID() },
    ),
  });
  const publish = async (...messages: { key: string; value: string }[]) => producer.send({ topic: TOPICS.memberEvents.name, acks: -1, messages });

  beforeAll(async () => {
    producer = new Kafka({ clientId: `points-test-merge-${run}`, brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    feed = await new Feed().start();
    await consumeFromNow(group);
    // Sales from past years earn: the members registered long before them, and no age limit bites.
    env = pointsEnv(port, run, group, { POINTS_EXPIRY_POLICY: 'end-of-year-after', POINTS_EXPIRY_REMINDER_DAYS: '0', PURCHASE_MAX_AGE_DAYS: '3660' });
    points = await startServiceProcess('points', port, env);
    await api.registerTenant(tenant, 'open');
    [survivor, duplicate] = await feed.registerMembers(2, LONG_AGO);
    await waitFor('both accounts with their cards', async () => {
      const accounts = await Promise.all([survivor, duplicate].map((member) => api.account(member.memberId)));
      return accounts.every((account) => account?.cardNumbers.length === 1) ? true : undefined;
    }, 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    await points?.stop();
    await feed?.stop();
    await producer?.disconnect();
    const queue = new Queue(`points-settlement.${env.MONGO_DATABASE}`, { connection: { url: infraEnv().redisUrl }, prefix: 'atrium-points' });
    await queue.obliterate({ force: true });
    await queue.close();
    await dropDatabase(run);
  });

  it('moves available, pending and their dates once; the duplicate keeps 0; the ledger balances; redelivery changes nothing; expiry follows the old dates', async () => {
    const yesterday = dayBefore(centreDay(new Date()));
    const year = Number((yesterday.endsWith('-12-31') ? dayBefore(yesterday) : yesterday).slice(0, 4));
    const at = (date: string) => new Date(`${date}T12:00:00+08:00`);
    const sales = [
      { receiptNumber: `MG-${run}-1`, occurredAt: at(`${year - 2}-03-01`), amountMinor: 100_000 }, // 1,000 points, expire at the end of last year
      { receiptNumber: `MG-${run}-2`, occurredAt: at(`${year - 1}-05-01`), amountMinor: 100_000 }, // 1,000, expire at the end of this year
      { receiptNumber: `MG-${run}-3`, occurredAt: new Date(Date.now() - 60_000), amountMinor: 100_000 }, // 1,000, in their return window
    ];
    await feed.send(sales.map((sale) => feed.saleMessage({ ...sale, tenantId: tenant, cardNumber: duplicate.cardNumber })));
    await waitFor('the duplicate\'s 3,000 points', async () => ((await balances(duplicate.memberId)).pending === 3_000 ? true : undefined), 60_000, 250);
    // The last but one day of the year before: the two old sales mature, nothing expires yet.
    expect(await settledRun(api, await startRun(`${year - 1}-12-30`))).toMatchObject({ status: 'completed', matured: { entries: 2, points: 2_000 } });
    expect(await balances(duplicate.memberId)).toMatchObject({ available: 2_000, pending: 1_000, lifetimeEarned: 3_000 });

    await publish(merged());
    const moved = await waitFor('the points on the survivor', async () => {
      const view = await balances(survivor.memberId);
      return view.available + view.pending > 0 ? view : undefined;
    }, 60_000, 250);
    expect(moved).toMatchObject({ available: 2_000, pending: 1_000, lifetimeEarned: 3_000, redeemed: 0, expired: 0, debt: 0 });
    expect(await balances(duplicate.memberId)).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0, redeemed: 0, expired: 0, debt: 0 });
    expect(await api.ledgerMismatches()).toEqual([]);

    // The survivor's history names the duplicate, with each lot's earning date and the sale still pending.
    const transferIn = (await statement(survivor.memberId)).find((entry) => entry.kind === 'merge-in');
    expect(transferIn).toMatchObject({ id: `merge:${duplicate.memberId}:in`, deltas: { available: 2_000, pending: 1_000, lifetimeEarned: 3_000 }, cause: { mergedFrom: duplicate.memberId } });
    expect(transferIn!.cause.lots!.map((lot) => [lot.id, Date.parse(lot.earnedAt), lot.points])).toEqual([
      [`earn:${tenant}:MG-${run}-1`, sales[0].occurredAt.getTime(), 1_000],
      [`earn:${tenant}:MG-${run}-2`, sales[1].occurredAt.getTime(), 1_000],
    ]);
    expect(transferIn!.cause.pendingSales!.map((sale) => [sale.saleEntryId, sale.points])).toEqual([[`earn:${tenant}:MG-${run}-3`, 1_000]]);
    expect((await statement(duplicate.memberId)).find((entry) => entry.kind === 'merge-out')).toMatchObject({ id: `merge:${duplicate.memberId}:out`, cause: { mergedInto: survivor.memberId } });

    // The same event again (the inbox), and a copy with a new event id (the ledger's derived ids).
    const again = merged();
    const entriesBefore = (await statement(survivor.memberId)).length + (await statement(duplicate.memberId)).length;
    // A registration on the duplicate's key comes after the copies on its partition: once its account is open, they were consumed.
    const marker = randomUUID();
    await publish(again, again, merged(), registered(marker));
    await waitFor('the copies consumed', async () => ((await api.account(marker)) ? true : undefined), 60_000, 250);
    expect(await balances(survivor.memberId)).toMatchObject({ available: 2_000, pending: 1_000, lifetimeEarned: 3_000 });
    expect(await balances(duplicate.memberId)).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0 });
    expect((await statement(survivor.memberId)).length + (await statement(duplicate.memberId)).length).toBe(entriesBefore);
    expect(await api.ledgerMismatches()).toEqual([]);

    // The last day of the year before: the 1,000 points earned two years ago expire on the survivor.
    const expiry = await settledRun(api, await startRun(`${year - 1}-12-31`));
    expect(expiry).toMatchObject({ status: 'completed', expired: { entries: 1, points: 1_000 } });
    expect(await balances(survivor.memberId)).toMatchObject({ available: 1_000, pending: 1_000, expired: 1_000 });
    expect(await balances(duplicate.memberId)).toMatchObject({ available: 0, pending: 0, expired: 0 });
    expect(await api.ledgerMismatches()).toEqual([]);

    // Refunds of sales earned on the duplicate take the points back from the survivor, which holds them now:
    // the pending sale in full by the duplicate's (closed) card, half the matured one by the survivor's card.
    await feed.send([
      feed.refundMessage({ refundNumber: `MG-${run}-R3`, receiptNumber: `MG-${run}-3`, tenantId: tenant, cardNumber: duplicate.cardNumber, amountMinor: 100_000 }),
      feed.refundMessage({ refundNumber: `MG-${run}-R2`, receiptNumber: `MG-${run}-2`, tenantId: tenant, cardNumber: survivor.cardNumber, amountMinor: 50_000 }),
    ]);
    const refunded = await waitFor('both refunds on the survivor', async () => {
      const entries = (await statement(survivor.memberId)).filter((entry) => entry.kind === 'refund');
      return entries.length === 2 ? entries : undefined;
    }, 60_000, 250);
    expect(refunded.map((entry) => entry.id).sort()).toEqual([`refund:${tenant}:MG-${run}-R2`, `refund:${tenant}:MG-${run}-R3`]);
    expect(await balances(survivor.memberId)).toMatchObject({ available: 500, pending: 0, lifetimeEarned: 1_500, expired: 1_000 });
    expect(await balances(duplicate.memberId)).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0 });
    expect((await statement(duplicate.memberId)).filter((entry) => entry.kind === 'refund')).toEqual([]);
    expect(await api.ledgerMismatches()).toEqual([]);
  }, 240_000);
});
