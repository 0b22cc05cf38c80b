import { randomInt, randomUUID } from 'node:crypto';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, startConsumerGroupsAtEnd, startServiceProcess, waitFor, type ServiceProcess, testPort } from '@atrium/testing';

/**
 * The thinnest real slice, as staff use it: a desk user registers a member through the
 * gateway; the member service stores it and publishes member.registered; the points service
 * opens the account at zero; the account is read back through the gateway. Every process is
 * the built service, on the real Kafka, FerretDB and Redis.
 */
describe('registering a member through the gateway opens a points account', () => {
  const admin = { username: `e2e-admin-${randomUUID().slice(0, 8)}`, password: `pw-${randomUUID()}` };
  const ports = { gateway: testPort(18080), member: testPort(13001), points: testPort(13002) };
  const services: ServiceProcess[] = [];
  let gateway: string;
  let adminToken: string;

  beforeAll(async () => {
    const env = infraEnv();
    const shared = { KAFKA_BROKERS: env.kafkaBrokers.join(','), MONGO_URL: env.mongoUrl, REDIS_URL: env.redisUrl };
    // This run's own groups and databases, its groups at the topics' end: earlier runs' events are not its business.
    const run = randomUUID().slice(0, 8);
    const own = (service: string) => ({ KAFKA_CONSUMER_GROUP: `e2e-slice-${service}-${run}`, MONGO_DATABASE: `atrium_e2e_slice_${service}_${run}` });
    const topics = [TOPICS.memberEvents.name, TOPICS.pointsEvents.name, TOPICS.purchases.name, TOPICS.outreachEvents.name];
    await Promise.all(['member', 'points'].map((service) => startConsumerGroupsAtEnd(own(service).KAFKA_CONSUMER_GROUP, topics)));
    services.push(
      ...(await Promise.all([
        startServiceProcess('member', ports.member, { ...shared, ...own('member'), HTTP_PORT: String(ports.member) }),
        startServiceProcess('points', ports.points, { ...shared, ...own('points'), HTTP_PORT: String(ports.points) }),
        startServiceProcess('gateway', ports.gateway, {
          ...shared,
          GATEWAY_PORT: String(ports.gateway),
          JWT_SECRET: randomUUID() + randomUUID(),
          ATRIUM_ADMIN_USERNAME: admin.username,
          ATRIUM_ADMIN_PASSWORD: admin.password,
          MEMBER_SERVICE_URL: `http://127.0.0.1:${ports.member}`,
          POINTS_SERVICE_URL: `http://127.0.0.1:${ports.points}`,
        }),
      ])),
    );
    gateway = `http://127.0.0.1:${ports.gateway}`;
    adminToken = await login(admin.username, admin.password);
    // Three Node processes booting at once on two shared cores: allow them time.
  }, 180_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
  });

  async function login(username: string, password: string): Promise<string> {
    const response = await fetch(`${gateway}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  function call(method: string, path: string, token?: string, body?: unknown): Promise<Response> {
    return fetch(`${gateway}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  const uniquePhone = () => `139${String(randomInt(10_000_000, 99_999_999))}`;

  it('registers at the desk and the account appears at 0', async () => {
    const registered = await call('POST', '/api/member/members', adminToken, { phone: uniquePhone(), name: '陳大文' });
    expect(registered.status).toBe(201);
    const { id } = (await registered.json()) as { id: string };

    const account = await waitFor('the points account', async () => {
      const response = await call('GET', `/api/points/accounts/${id}`, adminToken);
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
    }, 90_000, 200);
    expect(account).toMatchObject({ memberId: id, available: 0, pending: 0, lifetimeEarned: 0 });
  }, 120_000);

  it('lets a desk user register', async () => {
    const desk = { username: `e2e-desk-${randomUUID().slice(0, 8)}`, password: `pw-${randomUUID()}` };
    const created = await call('POST', '/api/auth/staff', adminToken, { username: desk.username, displayName: 'Desk', password: desk.password, roles: ['desk'] });
    expect(created.status).toBe(201);
    const response = await call('POST', '/api/member/members', await login(desk.username, desk.password), { phone: uniquePhone(), name: 'Desk Walk-in' });
    expect(response.status).toBe(201);
  });

  it('answers 401 without a token', async () => {
    const response = await call('POST', '/api/member/members', undefined, { phone: uniquePhone(), name: 'No Token' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 403 to a role that may not register (finance is read-only)', async () => {
    const finance = { username: `e2e-finance-${randomUUID().slice(0, 8)}`, password: `pw-${randomUUID()}` };
    const created = await call('POST', '/api/auth/staff', adminToken, { username: finance.username, displayName: 'Finance', password: finance.password, roles: ['finance'] });
    expect(created.status).toBe(201);
    const response = await call('POST', '/api/member/members', await login(finance.username, finance.password), { phone: uniquePhone(), name: 'Wrong Role' });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 400 naming the field for an invalid body, and registers nothing', async () => {
    const phone = uniquePhone();
    const response = await call('POST', '/api/member/members', adminToken, { phone, name: '' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field)).toEqual(['name']);
    const retry = await call('POST', '/api/member/members', adminToken, { phone, name: 'Now Valid' });
    expect(retry.status).toBe(201);
  });

  it('answers 400 naming the phone for a number that is not one', async () => {
    const response = await call('POST', '/api/member/members', adminToken, { phone: '12345', name: 'Bad Phone' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { field: string }[] }).errors[0].field).toBe('phone');
  });

  it('answers 409 pointing at the existing member for a second registration of a number', async () => {
    const phone = uniquePhone();
    const first = (await (await call('POST', '/api/member/members', adminToken, { phone, name: 'First' })).json()) as { id: string };
    const second = await call('POST', '/api/member/members', adminToken, { phone: `+86 ${phone}`, name: 'Second' });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ code: 'member.phone-taken', existingMemberId: first.id });
  });

  it('serves liveness, readiness of Kafka, MongoDB and Redis, and Prometheus metrics on every service', async () => {
    for (const service of services) {
      expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { kafka: { status: 'up' }, mongodb: { status: 'up' }, redis: { status: 'up' } },
      });
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain(`process_cpu_seconds_total{service="${service.name}"}`);
      expect(metrics).toContain('atrium_http_request_duration_seconds');
    }
  });
});
