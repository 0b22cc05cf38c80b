import { GatewayUnderTest } from './support/gateway-under-test';

const MAX_FAILURES_PER_USER = 3;
const MAX_FAILURES_PER_ADDRESS = 5;

describe('staff sign-in', () => {
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    gateway = await GatewayUnderTest.start({
      LOGIN_MAX_FAILURES_PER_USER: String(MAX_FAILURES_PER_USER),
      LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_FAILURES_PER_ADDRESS),
      LOGIN_WINDOW_SECONDS: '600',
      JWT_TTL_SECONDS: '900',
      TRUST_PROXY_HOPS: '1',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('gives the first admin (from configuration) a token that opens /api/auth/me', async () => {
    const login = await gateway.login(gateway.admin.username, gateway.admin.password, gateway.clientAddress());
    expect(login.status).toBe(200);
    const { accessToken, ...rest } = login.json as { accessToken: string };
    expect(accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(rest).toEqual({ tokenType: 'Bearer', expiresIn: 900, username: gateway.admin.username, roles: ['admin'] });

    const me = await gateway.call('GET', '/api/auth/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ username: gateway.admin.username, roles: ['admin'], active: true });
    expect(me.json).not.toHaveProperty('passwordHash');
  });

  it('does not care about the case of the username', async () => {
    const login = await gateway.login(gateway.admin.username.toUpperCase(), gateway.admin.password, gateway.clientAddress());
    expect(login.status).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same 401 problem', async () => {
    const from = gateway.clientAddress();
    const wrongPassword = await gateway.login(gateway.admin.username, 'not-the-password', from);
    const unknownUser = await gateway.login(`${gateway.prefix}nobody`, 'not-the-password', from);

    for (const answer of [wrongPassword, unknownUser]) {
      expect(answer.status).toBe(401);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.json).toMatchObject({ status: 401, code: 'auth.invalid-credentials', title: 'Unauthorized' });
    }
    expect((wrongPassword.json as { detail: string }).detail).toBe((unknownUser.json as { detail: string }).detail);
  });

  it('refuses a username with 429 and Retry-After after too many failures, even with the right password', async () => {
    const account = await gateway.createStaff('locked-out', ['desk']);
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_USER; attempt++) {
      // A new address each time: it is the username's counter that must trip.
      expect((await gateway.login(account.username, 'wrong-password', gateway.clientAddress())).status).toBe(401);
    }

    const refused = await gateway.login(account.username, account.password, gateway.clientAddress());
    expect(refused.status).toBe(429);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.json).toMatchObject({ status: 429, code: 'auth.too-many-failures' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
  });

  it('forgets a username\'s failures when it signs in successfully', async () => {
    const account = await gateway.createStaff('forgetful', ['desk']);
    const from = gateway.clientAddress();
    for (let attempt = 1; attempt < MAX_FAILURES_PER_USER; attempt++) {
      expect((await gateway.login(account.username, 'wrong-password', from)).status).toBe(401);
    }
    expect((await gateway.login(account.username, account.password, from)).status).toBe(200);
    for (let attempt = 1; attempt < MAX_FAILURES_PER_USER; attempt++) {
      expect((await gateway.login(account.username, 'wrong-password', from)).status).toBe(401);
    }
    expect((await gateway.login(account.username, account.password, from)).status).toBe(200);
  });

  it('refuses a client address that tried too many usernames', async () => {
    const from = gateway.clientAddress();
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ADDRESS; attempt++) {
      expect((await gateway.login(`${gateway.prefix}sprayed-${attempt}`, 'guess-guess', from)).status).toBe(401);
    }
    const refused = await gateway.login(gateway.admin.username, gateway.admin.password, from);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();

    // Other clients are not affected.
    expect((await gateway.login(gateway.admin.username, gateway.admin.password, gateway.clientAddress())).status).toBe(200);
  });

  it('behind a trusted proxy, counts failures against the client the proxy names, not the proxy', async () => {
    const proxy = gateway.clientAddress();
    const sprayer = gateway.clientAddress();
    const bystander = gateway.clientAddress();
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ADDRESS; attempt++) {
      const answer = await gateway.call('POST', '/api/auth/login', {
        from: proxy,
        headers: { 'x-forwarded-for': sprayer },
        body: { username: `${gateway.prefix}proxied-${attempt}`, password: 'guess-guess' },
      });
      expect(answer.status).toBe(401);
    }
    const asSprayer = { from: proxy, headers: { 'x-forwarded-for': sprayer }, body: gateway.admin };
    expect((await gateway.call('POST', '/api/auth/login', asSprayer)).status).toBe(429);
    const asBystander = { from: proxy, headers: { 'x-forwarded-for': bystander }, body: gateway.admin };
    expect((await gateway.call('POST', '/api/auth/login', asBystander)).status).toBe(200);
  });

  it('answers a staff route without a token, or with a forged one, with 401 problem+json', async () => {
    const missing = await gateway.call('GET', '/api/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.contentType).toMatch(/^application\/problem\+json/);
    expect(missing.json).toMatchObject({ status: 401, code: 'auth.token-missing', instance: '/api/auth/me' });

    const token = await gateway.adminToken();
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: gateway.admin.username, roles: ['admin'], ver: 0 })).toString('base64url');
    const forged = await gateway.call('GET', '/api/auth/me', { token: `${header}.${forgedPayload}.${signature}` });
    expect(forged.status).toBe(401);
    expect(forged.json).toMatchObject({ code: 'auth.token-invalid' });
  });

  it('keeps a deactivated account out: no new login, and its current token stops working', async () => {
    const account = await gateway.createStaff('leaver', ['specialist']);
    const token = await account.token();
    expect((await gateway.call('GET', '/api/auth/me', { token })).status).toBe(200);

    const deactivated = await gateway.call('PATCH', `/api/auth/staff/${account.username}`, {
      token: await gateway.adminToken(),
      body: { active: false },
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.json).toMatchObject({ active: false });

    const withOldToken = await gateway.call('GET', '/api/auth/me', { token });
    expect(withOldToken.status).toBe(401);
    expect(withOldToken.json).toMatchObject({ code: 'auth.session-ended' });
    const login = await gateway.login(account.username, account.password, gateway.clientAddress());
    expect(login.status).toBe(401);
    expect(login.json).toMatchObject({ code: 'auth.invalid-credentials' });
  });

  it('refuses a malformed JSON body with 400 problem+json', async () => {
    const answer = await gateway.call('POST', '/api/auth/login', { body: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ code: 'request.malformed-json' });
  });
});
