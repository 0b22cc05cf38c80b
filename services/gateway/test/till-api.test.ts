import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import mongoose from 'mongoose';
import { CardIssuedSchema, MemberRegisteredSchema, RegistrationChannel, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, registerTenantsInPoints, signedFetch, startConsumerGroupsAtEnd, startServiceProcess, TopicRecorder, waitFor, type RecordedMessage, type ServiceProcess, testPort } from '@atrium/testing';
import { GatewayUnderTest } from './support/gateway-under-test';

interface Envelope {
  eventId: string;
  type: string;
  producer: string;
  key: string;
  payload: Record<string, string | undefined>;
}

interface Accepted {
  accepted: { number: string; eventId: string }[];
}

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; message: string }[];
}

/**
 * The till API on the real servers: a supervisor issues a tenant's key at the gateway, a till
 * posts sales and refunds with it, they reach `purchases` as the Kafka path's events and the
 * built points service earns from them (once, however often sent); another tenant's sale, a bad
 * body, a revoked key and a key past its rate are refused, and nothing refused is published.
 */
describe('till API: sales and refunds with a tenant API key', () => {
  const run = randomUUID().slice(0, 8);
  const tenantId = `till-${run}`;
  const otherTenant = `till-other-${run}`;
  const pointsPort = testPort(13862)
  const pointsUrl = `http://127.0.0.1:${pointsPort}`;
  const member = { memberId: randomUUID(), phone: `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, cardNumber: `78${Date.now().toString().slice(-8)}000001` };
  const codec = new EventCodec([TOPICS.memberEvents, TOPICS.purchases]);
  const kafka = new Kafka({ clientId: `till-api-test-${run}`, brokers: infraEnv().kafkaBrokers, logLevel: 1 });
  let producer: Producer;
  let recorder: TopicRecorder;
  let points: ServiceProcess;
  let gateway: GatewayUnderTest;
  let supervisorToken: string;
  let apiKey: string;
  let keyId: string;

  const ours = (): Envelope[] =>
    recorder.messages
      .map((message: RecordedMessage) => JSON.parse(message.value ?? '{}') as Envelope)
      .filter((envelope) => (envelope.payload?.tenantId ?? '').includes(run));

  const sale = (receiptNumber: string, amountMinor: number, tenant = tenantId) => ({
    receiptNumber,
    tenantId: tenant,
    cardNumber: member.cardNumber,
    amountMinor,
    currency: 'CNY',
    occurredAt: new Date().toISOString(),
    category: 'dining',
  });

  const postSales = (items: unknown[], key = apiKey) => gateway.call('POST', '/api/pos/purchases', { token: key, body: { items } });

  async function account(): Promise<{ pending: number; lifetimeEarned: number } | undefined> {
    const response = await signedFetch(`${pointsUrl}/accounts/${member.memberId}`);
    return response.status === 200 ? ((await response.json()) as { pending: number; lifetimeEarned: number }) : undefined;
  }

  async function issueKey(label: string): Promise<{ apiKey: string; keyId: string }> {
    const issued = await gateway.call('POST', '/api/pos/keys', { token: supervisorToken, body: { tenantId, label } });
    expect(issued.status).toBe(201);
    return issued.json as { apiKey: string; keyId: string };
  }

  beforeAll(async () => {
    const infra = infraEnv();
    const group = `points-till-test-${run}`;
    await startConsumerGroupsAtEnd(group, [TOPICS.memberEvents.name, TOPICS.purchases.name, TOPICS.merchantEvents.name]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    points = await startServiceProcess('points', pointsPort, {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: infra.mongoUrl,
      REDIS_URL: infra.redisUrl,
      HTTP_PORT: String(pointsPort),
      MONGO_DATABASE: `atrium_test_points_${run}`,
      KAFKA_CONSUMER_GROUP: group,
    });
    // After the points service: it creates the topics on a fresh broker.
    recorder = await new TopicRecorder(kafka, [TOPICS.purchases.name]).start();
    await registerTenantsInPoints(pointsUrl, [{ id: tenantId }, { id: otherTenant }]);
    // The member as the member service announces one: registered, then a card.
    const metadata = () => ({ eventId: randomUUID(), key: member.memberId, occurredAt: new Date(), producer: 'member', traceId: randomUUID() });
    await producer.send({
      topic: TOPICS.memberEvents.name,
      acks: -1,
      messages: [
        {
          key: member.memberId,
          value: codec.encode(TOPICS.memberEvents, 'member.registered', MemberRegisteredSchema, { memberId: member.memberId, phone: member.phone, name: 'Till Shopper', channel: RegistrationChannel.DESK, registeredAt: timestampFromDate(new Date(Date.now() - 60_000)) }, metadata()),
        },
        {
          key: member.memberId,
          value: codec.encode(TOPICS.memberEvents, 'member.card-issued', CardIssuedSchema, { memberId: member.memberId, cardNumber: member.cardNumber, issuedAt: timestampFromDate(new Date()) }, metadata()),
        },
      ],
    });
    await waitFor('the member\'s points account with the card', async () => {
      const response = await signedFetch(`${pointsUrl}/accounts/${member.memberId}`);
      const found = response.status === 200 ? ((await response.json()) as { cardNumbers: string[] }) : undefined;
      return found?.cardNumbers.includes(member.cardNumber) ? true : undefined;
    }, 120_000, 250);
    // Small limits for the run: six requests per key per minute, batches of at most ten.
    gateway = await GatewayUnderTest.start({ POS_RATE_LIMIT_REQUESTS: '6', POS_RATE_LIMIT_WINDOW_SECONDS: '60', POS_MAX_BATCH_ITEMS: '10' });
    supervisorToken = await (await gateway.createStaff('till-supervisor', ['supervisor'])).token();
  }, 300_000);

  afterAll(async () => {
    await gateway?.stop();
    await points?.stop();
    await recorder?.stop();
    await producer?.disconnect();
    const infra = infraEnv();
    const gatewayDb = await mongoose.createConnection(infra.mongoUrl, { dbName: 'atrium_gateway' }).asPromise();
    const pointsDb = await mongoose.createConnection(infra.mongoUrl, { dbName: `atrium_test_points_${run}` }).asPromise();
    try {
      await gatewayDb.collection('till_keys').deleteMany({ tenantId: { $in: [tenantId, otherTenant] } });
      await pointsDb.dropDatabase();
    } finally {
      await gatewayDb.close();
      await pointsDb.close();
    }
  });

  it('lets supervisors, not desk staff, issue a key, shown whole once and listed without its secret', async () => {
    const desk = await (await gateway.createStaff('till-desk', ['desk'])).token();
    const refused = await gateway.call('POST', '/api/pos/keys', { token: desk, body: { tenantId, label: 'Till 1' } });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'auth.role-not-allowed' });

    ({ apiKey, keyId } = await issueKey('Till 1'));
    expect(apiKey).toMatch(new RegExp(`^atk_${keyId}_`));
    const listed = await gateway.call('GET', `/api/pos/keys?tenantId=${tenantId}`, { token: supervisorToken });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual([expect.objectContaining({ keyId, tenantId, label: 'Till 1' })]);
    expect(listed.text).not.toContain(apiKey.slice(-43));
  });

  it('publishes a batch as the purchases contract; points earns from it once however often it is sent, and a refund reverses', async () => {
    const batch = [sale(`R-${run}-1`, 12_345), sale(`R-${run}-2`, 5_000)];
    const first = await postSales(batch);
    expect(first.status).toBe(202);
    const ids = (first.json as Accepted).accepted;
    expect(ids.map((item) => item.number)).toEqual([`R-${run}-1`, `R-${run}-2`]);

    const again = await postSales(batch);
    expect(again.status).toBe(202);
    expect((again.json as Accepted).accepted).toEqual(ids);

    const refund = await gateway.call('POST', '/api/pos/refunds', {
      token: apiKey,
      body: { items: [{ refundNumber: `F-${run}-1`, receiptNumber: `R-${run}-2`, tenantId, cardNumber: member.cardNumber, amountMinor: 5_000, currency: 'CNY', occurredAt: new Date().toISOString() }] },
    });
    expect(refund.status).toBe(202);

    const published = await waitFor('the sales (twice) and the refund on purchases', () => {
      const found = ours();
      return Promise.resolve(found.length >= 5 ? found : undefined);
    });
    expect(published).toHaveLength(5);
    const [saleEvent] = published;
    expect(saleEvent).toMatchObject({
      eventId: ids[0].eventId,
      type: 'purchase.recorded',
      producer: 'gateway-pos',
      key: member.cardNumber,
      payload: { '@type': 'type.googleapis.com/atrium.points.v1.PurchaseRecorded', receiptNumber: `R-${run}-1`, tenantId, cardNumber: member.cardNumber, amountMinor: '12345', currency: 'CNY', category: 'dining' },
    });
    // The resent batch repeats the same event ids; it adds no new ones.
    expect(new Set(published.filter((e) => e.type === 'purchase.recorded').map((e) => e.eventId))).toEqual(new Set(ids.map((item) => item.eventId)));
    expect(published.find((e) => e.type === 'purchase.refunded')?.payload).toMatchObject({ refundNumber: `F-${run}-1`, receiptNumber: `R-${run}-2`, amountMinor: '5000' });

    // 123 + 50 points earned once; the refund (same card, same partition, after the resend) takes back 50.
    const after = await waitFor('the sales earned and the refund reversed', async () => {
      const found = await account();
      return found && found.lifetimeEarned === 123 ? found : undefined;
    }, 60_000, 250);
    expect(after).toMatchObject({ pending: 123, lifetimeEarned: 123 });
  });

  it("refuses a batch naming another tenant (403) and a bad body (400), each naming the field, and publishes nothing of either", async () => {
    const wrong = await postSales([sale(`W-${run}-1`, 1_000), sale(`W-${run}-2`, 1_000, otherTenant)]);
    expect(wrong.status).toBe(403);
    expect(wrong.contentType).toMatch(/^application\/problem\+json/);
    expect(wrong.json).toMatchObject({ code: 'batch.wrong-tenant' });
    expect((wrong.json as Problem).errors?.map((e) => e.field)).toEqual(['items[1].tenantId']);

    const bad = await postSales([sale(`B-${run}-1`, 1_000), { ...sale(`B-${run}-2`, 1_000), amountMinor: -5 }]);
    expect(bad.status).toBe(400);
    expect(bad.contentType).toMatch(/^application\/problem\+json/);
    expect((bad.json as Problem).errors?.map((e) => e.field)).toEqual(['items.1.amountMinor']);

    // A sale sent after them, on the same card's partition: once it is there, they would be too.
    const marker = await postSales([sale(`M-${run}-1`, 100)]);
    expect(marker.status).toBe(202);
    await waitFor('the marker sale', () => Promise.resolve(ours().some((e) => e.payload.receiptNumber === `M-${run}-1`) ? true : undefined));
    const receipts = ours().map((e) => e.payload.receiptNumber ?? '');
    expect(receipts.filter((number) => /^[WB]-/.test(number))).toEqual([]);
    await waitFor('the marker sale earned', async () => ((await account())?.lifetimeEarned === 124 ? true : undefined), 60_000, 250);
  });

  it('refuses a revoked key at once, and an unknown or missing one, with the same 401', async () => {
    const revoked = await gateway.call('DELETE', `/api/pos/keys/${keyId}`, { token: supervisorToken });
    expect(revoked.status).toBe(200);
    expect((revoked.json as { keyId: string; revokedAt?: string }).keyId).toBe(keyId);
    expect(typeof (revoked.json as { revokedAt?: string }).revokedAt).toBe('string');

    for (const key of [apiKey, `atk_${'x'.repeat(12)}_${'y'.repeat(43)}`, undefined]) {
      const answer = await postSales([sale(`V-${run}-1`, 1_000)], key);
      expect(answer.status).toBe(401);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.json).toMatchObject({ code: 'pos.key-invalid' });
    }
  });

  it('answers 429 with Retry-After past the rate of the key, and counts per key', async () => {
    const limited = await issueKey('Till 2');
    for (let request = 1; request <= 6; request += 1) {
      expect((await postSales([], limited.apiKey)).status).toBe(400);
    }
    const over = await postSales([sale(`L-${run}-1`, 1_000)], limited.apiKey);
    expect(over.status).toBe(429);
    expect(over.json).toMatchObject({ code: 'pos.rate-limited' });
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);

    const fresh = await issueKey('Till 3');
    expect((await postSales([], fresh.apiKey)).status).toBe(400);
  });
});
