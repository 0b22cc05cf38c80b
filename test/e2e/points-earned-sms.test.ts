import { randomInt, randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { PurchaseRecordedSchema, TOPICS } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, registerTenantsInPoints, waitFor, testPort } from '@atrium/testing';
import { startShopperStack, type ShopperStack } from './support/shopper-stack';

/**
 * The earned-points SMS end to end on the real servers: staff turn it on for one member at the
 * desk, another member turns it on for themself through the gateway's shopper route (signed in
 * with the code the local Twilio endpoint received), a third never does. A tenant's till then
 * reports a sale for each on `purchases`; the points service credits them and the SMS service
 * texts the two who asked, once each, with the points and the balance, in their language.
 */
describe('points earned SMS, from the preference to the phone', () => {
  const ports = { gateway: testPort(18210), member: testPort(13211), points: testPort(13212), sms: testPort(13214) };
  const codec = new EventCodec([TOPICS.purchases]);
  let stack: ShopperStack;
  let gateway: string;
  let twilioBase: string;
  let producer: Producer;
  let staffToken: string;
  const tenantId = `e2e-earned-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stack = await startShopperStack('earned', ports, '+85230000001');
    ({ gateway } = stack);
    twilioBase = stack.twilio.apiBaseUrl;
    const { admin } = stack;
    const login = await call('POST', '/api/auth/login', { body: { username: admin.username, password: admin.password } });
    staffToken = ((await login.json()) as { accessToken: string }).accessToken;
    // Only a registered, open tenant's sales earn; the directory's event registers it in points.
    await registerTenantsInPoints(`http://127.0.0.1:${ports.points}`, [{ id: tenantId, name: 'E2E Shop' }]);
    producer = new Kafka({ clientId: 'e2e-earned-till', brokers: infraEnv().kafkaBrokers, logLevel: 1 }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await stack?.stop();
  });

  function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Response> {
    return fetch(`${gateway}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  /** Every SMS body the local Twilio endpoint delivered to a number, oldest first. */
  async function bodiesTo(e164: string): Promise<string[]> {
    const response = await fetch(`${twilioBase}/_local/messages?to=${encodeURIComponent(e164)}`);
    const listing = (await response.json()) as { messages: { message: { body: string } }[] };
    return listing.messages.map((entry) => entry.message.body);
  }

  async function register(name: string): Promise<{ id: string; e164: string; typed: string }> {
    const typed = `137${String(randomInt(10_000_000, 99_999_999))}`;
    const answer = await call('POST', '/api/member/members', { token: staffToken, body: { phone: typed, name } });
    expect(answer.status).toBe(201);
    const member = (await answer.json()) as { id: string; phone: string };
    return { id: member.id, e164: member.phone, typed };
  }

  /** Signs the member in with the code the endpoint received, as a phone would read it. */
  async function signIn(member: { e164: string; typed: string }): Promise<string> {
    expect((await call('POST', '/api/shopper/codes', { body: { phone: member.typed, purpose: 'sign-in' } })).status).toBe(202);
    const code = await waitFor('the sign-in code', async () => (await bodiesTo(member.e164)).map((body) => /\b(\d{6})\b/.exec(body)?.[1]).find((found) => found !== undefined), 60_000, 250);
    const session = await call('POST', '/api/shopper/session', { body: { phone: member.typed, code } });
    expect(session.status).toBe(200);
    return ((await session.json()) as { accessToken: string }).accessToken;
  }

  async function sell(member: { e164: string }, receiptNumber: string): Promise<void> {
    const eventId = randomUUID();
    const value = codec.encode(
      TOPICS.purchases,
      'purchase.recorded',
      PurchaseRecordedSchema,
      { receiptNumber, tenantId, cardNumber: '', phone: member.e164, amountMinor: 25_000n, currency: 'CNY', occurredAt: timestampFromDate(new Date()), category: '' },
      { eventId, key: member.e164, occurredAt: new Date(), producer: 'pos-e2e', traceId: eventId },
    );
    await producer.send({ topic: TOPICS.purchases.name, acks: -1, messages: [{ key: member.e164, value }] });
  }

  const earnedMessages = (bodies: readonly string[]) => bodies.filter((body) => /earned|获得|獲得/.test(body));

  it('texts the members who asked for it, once per sale, with the points and the balance', async () => {
    const [atDesk, bySelf, never] = [await register('Desk Chooser'), await register('Self Chooser'), await register('Never Asked')];

    // At the desk: the member reads English, and wants the SMS.
    expect((await call('PATCH', `/api/member/members/${atDesk.id}/contact`, { token: staffToken, body: { preferredLanguage: 'en' } })).status).toBe(200);
    const refused = await call('POST', `/api/member/members/${atDesk.id}/notifications`, { token: staffToken, body: { pointsEarned: 'please' } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual(['pointsEarned']);
    const setAtDesk = await call('POST', `/api/member/members/${atDesk.id}/notifications`, { token: staffToken, body: { pointsEarned: true } });
    expect(setAtDesk.status).toBe(200);

    // The shopper for themself: the member is the token's, whatever the path could have said.
    const shopperToken = await signIn(bySelf);
    expect(await (await call('GET', '/api/shopper/me/notifications', { token: shopperToken })).json()).toMatchObject({ memberId: bySelf.id, pointsEarned: false });
    const setBySelf = await call('POST', '/api/shopper/me/notifications', { token: shopperToken, body: { pointsEarned: true } });
    expect(setBySelf.status).toBe(200);
    expect(await setBySelf.json()).toMatchObject({ memberId: bySelf.id, pointsEarned: true });
    expect(await (await call('GET', `/api/member/members/${never.id}/notifications`, { token: staffToken })).json()).toMatchObject({ pointsEarned: false });

    // The points service knows every member before their sales come.
    for (const member of [atDesk, bySelf, never]) {
      await waitFor(`the points account of ${member.id}`, async () => ((await call('GET', `/api/points/accounts/${member.id}`, { token: staffToken })).status === 200 ? true : undefined), 90_000, 250);
    }
    const receipt = () => `E2E-${randomUUID()}`;
    const deskReceipt = receipt();
    await sell(atDesk, deskReceipt);
    await sell(atDesk, deskReceipt); // the till sends the same sale again
    await sell(bySelf, receipt());
    await sell(never, receipt());

    const accountOf = async (memberId: string) => (await (await call('GET', `/api/points/accounts/${memberId}`, { token: staffToken })).json()) as { available: number; pending: number };
    /** One sale so far: what it earned is the whole account (pending inside the return window, or available). */
    const earnedOf = (account: { available: number; pending: number }) => account.available + account.pending;
    const deskMessages = await waitFor('the desk member’s earned SMS', async () => {
      const found = earnedMessages(await bodiesTo(atDesk.e164));
      return found.length > 0 ? found : undefined;
    }, 90_000, 250);
    const selfMessages = await waitFor('the self-service member’s earned SMS', async () => {
      const found = earnedMessages(await bodiesTo(bySelf.e164));
      return found.length > 0 ? found : undefined;
    }, 90_000, 250);
    const desk = await accountOf(atDesk.id);
    const self = await accountOf(bySelf.id);
    expect(earnedOf(desk)).toBeGreaterThan(0);
    const pendingEn = (account: { pending: number }) => (account.pending > 0 ? `, plus ${account.pending} pending` : '');
    const pendingZh = (account: { pending: number }) => (account.pending > 0 ? `，另有${account.pending}积分待生效` : '');
    expect(deskMessages).toEqual([`【Atrium】You earned ${earnedOf(desk)} points at E2E Shop. Balance: ${desk.available} points${pendingEn(desk)}.`]);
    // No language chosen: the SMS service's default (simplified Chinese).
    expect(selfMessages).toEqual([`【Atrium】您在E2E Shop获得${earnedOf(self)}积分。积分余额${self.available}${pendingZh(self)}。`]);

    // The third member's sale is credited, and still no earned SMS for them.
    await waitFor('the third member’s sale to be credited', async () => (earnedOf(await accountOf(never.id)) > 0 ? true : undefined), 90_000, 250);
    expect(earnedOf(await accountOf(atDesk.id))).toBe(earnedOf(desk));
    expect(earnedMessages(await bodiesTo(never.e164))).toEqual([]);
    expect(earnedMessages(await bodiesTo(atDesk.e164))).toHaveLength(1);
  }, 240_000);
});
