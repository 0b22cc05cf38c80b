import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import twilio from 'twilio';
import { IDENTITY_SIGNATURE_HEADER, IDENTITY_SIGNATURE_WINDOW_MS, signIdentity } from '@atrium/staff-identity';
import { infraEnv, startServiceProcess, TEST_IDENTITY_SECRET, type ServiceProcess } from '@atrium/testing';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A service obeys only requests the gateway signed (x-atrium-identity, ATRIUM_IDENTITY_SECRET):
 * hand-written staff headers sent straight to its port are refused with 401 and change nothing,
 * while the same registration through the gateway, by a signed-in admin, is obeyed. The built
 * member service and gateway, on the real Kafka, FerretDB and Redis.
 */
describe('a service trusts identity headers only when the gateway signed them', () => {
  const admin = { username: `e2e-admin-${randomUUID().slice(0, 8)}`, password: `pw-${randomUUID()}` };
  const services: ServiceProcess[] = [];
  let member: ServiceProcess;
  let sms: ServiceProcess;
  let gateway: string;
  let token: string;
  let webhookBase: string;

  beforeAll(async () => {
    const env = infraEnv();
    const run = randomUUID().slice(0, 8);
    const shared = { KAFKA_BROKERS: env.kafkaBrokers.join(','), MONGO_URL: env.mongoUrl, REDIS_URL: env.redisUrl };
    const [memberPort, smsPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    gateway = `http://127.0.0.1:${gatewayPort}`;
    webhookBase = `${gateway}/api/webhooks/twilio`;
    [member, sms] = await Promise.all([
      startServiceProcess('member', memberPort, {
        ...shared,
        HTTP_PORT: String(memberPort),
        KAFKA_CONSUMER_GROUP: `e2e-identity-member-${run}`,
        MONGO_DATABASE: `atrium_e2e_identity_member_${run}`,
      }),
      startServiceProcess('sms-campaign', smsPort, {
        ...shared,
        HTTP_PORT: String(smsPort),
        KAFKA_CONSUMER_GROUP: `e2e-identity-sms-${run}`,
        MONGO_DATABASE: `atrium_e2e_identity_sms_${run}`,
        TWILIO_ACCOUNT_SID: process.env.TWILIO_ACCOUNT_SID ?? '',
        TWILIO_AUTH_TOKEN: process.env.TWILIO_AUTH_TOKEN ?? '',
        TWILIO_API_BASE_URL: process.env.TWILIO_API_BASE_URL ?? '',
        TWILIO_FROM: '+85230000001',
        TWILIO_WEBHOOK_BASE_URL: webhookBase,
      }),
    ]);
    services.push(member, sms);
    services.push(
      await startServiceProcess('gateway', gatewayPort, {
        ...shared,
        GATEWAY_PORT: String(gatewayPort),
        JWT_SECRET: randomUUID() + randomUUID(),
        ATRIUM_ADMIN_USERNAME: admin.username,
        ATRIUM_ADMIN_PASSWORD: admin.password,
        MEMBER_SERVICE_URL: member.url,
        SMS_CAMPAIGN_SERVICE_URL: sms.url,
      }),
    );
    const login = await fetch(`${gateway}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { accessToken: string }).accessToken;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
  });

  const uniquePhone = () => `139${String(randomInt(10_000_000, 99_999_999))}`;
  const staffHeaders = { 'x-atrium-staff': 'admin', 'x-atrium-roles': 'admin', 'content-type': 'application/json' };
  const now = Date.now;

  async function membersWithPhone(phone: string): Promise<unknown[]> {
    const response = await fetch(`${gateway}/api/member/members?phone=${phone}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: unknown[] }).items;
  }

  it.each<[string, (path: string) => Record<string, string>]>([
    ['no signature', () => ({})],
    ['a signature that is not one', () => ({ [IDENTITY_SIGNATURE_HEADER]: 'trust-me' })],
    ['a signature made with another secret', (path) => ({ [IDENTITY_SIGNATURE_HEADER]: signIdentity('x'.repeat(40), { method: 'POST', path, staff: 'admin', roles: 'admin' }) })],
    [
      'an expired signature',
      (path) => ({ [IDENTITY_SIGNATURE_HEADER]: signIdentity(TEST_IDENTITY_SECRET, { method: 'POST', path, staff: 'admin', roles: 'admin' }, now() - IDENTITY_SIGNATURE_WINDOW_MS - 5_000) }),
    ],
    ['a signature for another staff member', (path) => ({ [IDENTITY_SIGNATURE_HEADER]: signIdentity(TEST_IDENTITY_SECRET, { method: 'POST', path, staff: 'desk', roles: 'desk' }) })],
  ])('refuses hand-written staff headers straight to the service with %s (401), and registers nobody', async (_case, signature) => {
    const phone = uniquePhone();
    const response = await fetch(`${member.url}/members`, {
      method: 'POST',
      headers: { ...staffHeaders, ...signature('/members') },
      body: JSON.stringify({ phone, name: '陳大文' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, code: 'member.identity-unverified' });
    expect(await membersWithPhone(phone)).toEqual([]);
  }, 60_000);

  it('refuses an unsigned read of a member straight from the service', async () => {
    const response = await fetch(`${member.url}/members?phone=${uniquePhone()}`, { headers: staffHeaders });
    expect(response.status).toBe(401);
  }, 30_000);

  it('obeys the same registration through the gateway, which signs it', async () => {
    const phone = uniquePhone();
    const response = await fetch(`${gateway}/api/member/members`, {
      method: 'POST',
      // What a client sends under the identity names is replaced by the gateway's own.
      headers: { ...staffHeaders, authorization: `Bearer ${token}`, 'x-atrium-staff': 'someone-else', [IDENTITY_SIGNATURE_HEADER]: 'trust-me' },
      body: JSON.stringify({ phone, name: '陳大文' }),
    });
    expect(response.status).toBe(201);
    expect(await membersWithPhone(phone)).toHaveLength(1);
  }, 60_000);

  it('passes Twilio\'s webhooks through the gateway, which signs them, and refuses them straight to the SMS service', async () => {
    const form = { MessageSid: `SM${randomUUID().replace(/-/g, '')}`, From: '+8613900000000', To: '+85230000001', Body: 'hello', AccountSid: process.env.TWILIO_ACCOUNT_SID ?? '' };
    const post = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(process.env.TWILIO_AUTH_TOKEN ?? '', `${webhookBase}/inbound`, form) },
        body: new URLSearchParams(form).toString(),
      });
    const direct = await post(`${sms.url}/twilio/inbound`);
    expect(direct.status).toBe(401);
    expect(await direct.json()).toMatchObject({ code: 'sms-campaign.identity-unverified' });
    expect((await post(`${webhookBase}/inbound`)).status).toBe(200);
  }, 30_000);

  it('still answers health, metrics and the OpenAPI document without a signature, and declares the 401', async () => {
    expect((await fetch(`${member.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${member.url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${member.url}/metrics`)).status).toBe(200);
    const document = (await (await fetch(`${member.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(document.paths['/members'].post.responses['401']).toBeDefined();
  }, 30_000);
});
