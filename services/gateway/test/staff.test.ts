import { GatewayUnderTest } from './support/gateway-under-test';

interface StaffView {
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  createdAt: string;
}

describe('staff accounts (admin only)', () => {
  let gateway: GatewayUnderTest;
  let adminToken: string;

  beforeAll(async () => {
    gateway = await GatewayUnderTest.start();
    adminToken = await gateway.adminToken();
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('lets an admin create a finance user who can then sign in with the finance role', async () => {
    const username = `${gateway.prefix}Finance.Chan`;
    const created = await gateway.call('POST', '/api/auth/staff', {
      token: adminToken,
      body: { username, displayName: 'Chan Finance', password: 'a-long-enough-password', roles: ['finance'] },
    });
    expect(created.status).toBe(201);
    const { createdAt, ...account } = created.json as StaffView;
    expect(account).toEqual({ username: username.toLowerCase(), displayName: 'Chan Finance', roles: ['finance'], active: true });
    expect(Number.isNaN(Date.parse(createdAt))).toBe(false);

    const login = await gateway.login(username, 'a-long-enough-password', gateway.clientAddress());
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ username: username.toLowerCase(), roles: ['finance'] });

    const listed = await gateway.call('GET', '/api/auth/staff', { token: adminToken });
    expect(listed.status).toBe(200);
    const accounts = listed.json as StaffView[];
    expect(accounts.find((account) => account.username === username.toLowerCase())).toMatchObject({ roles: ['finance'], active: true });
    expect(listed.text).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('keeps usernames unique whatever their case (409 problem)', async () => {
    const username = `${gateway.prefix}twin`;
    const body = { displayName: 'Twin', password: 'a-long-enough-password', roles: ['desk'] };
    expect((await gateway.call('POST', '/api/auth/staff', { token: adminToken, body: { ...body, username } })).status).toBe(201);
    const again = await gateway.call('POST', '/api/auth/staff', { token: adminToken, body: { ...body, username: username.toUpperCase() } });
    expect(again.status).toBe(409);
    expect(again.contentType).toMatch(/^application\/problem\+json/);
    expect(again.json).toMatchObject({ code: 'staff.username-taken' });
  });

  it('names every field at fault in a bad request', async () => {
    const answer = await gateway.call('POST', '/api/auth/staff', {
      token: adminToken,
      body: { username: `${gateway.prefix}short`, displayName: 'Short', password: 'too-short', roles: [] },
    });
    expect(answer.status).toBe(400);
    const fields = (answer.json as { errors: { field: string }[] }).errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['password', 'roles']));
  });

  it('refuses staff management to anyone but an admin (403), and to nobody signed in (401)', async () => {
    const supervisor = await gateway.createStaff('supervisor', ['supervisor']);
    const token = await supervisor.token();

    const list = await gateway.call('GET', '/api/auth/staff', { token });
    expect(list.status).toBe(403);
    expect(list.contentType).toMatch(/^application\/problem\+json/);
    expect(list.json).toMatchObject({ status: 403, code: 'auth.role-not-allowed' });
    const create = await gateway.call('POST', '/api/auth/staff', {
      token,
      body: { username: `${gateway.prefix}sneaky`, displayName: 'x', password: 'a-long-enough-password', roles: ['admin'] },
    });
    expect(create.status).toBe(403);

    expect((await gateway.call('GET', '/api/auth/staff')).status).toBe(401);
  });

  it('changes roles and password; the old token and the old password stop working', async () => {
    const account = await gateway.createStaff('promoted', ['desk']);
    const oldToken = await account.token();

    const changed = await gateway.call('PATCH', `/api/auth/staff/${account.username.toUpperCase()}`, {
      token: adminToken,
      body: { roles: ['desk', 'supervisor'], password: 'the-new-password-1' },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ username: account.username, roles: ['desk', 'supervisor'], active: true });

    expect((await gateway.call('GET', '/api/auth/me', { token: oldToken })).status).toBe(401);
    expect((await gateway.login(account.username, account.password, gateway.clientAddress())).status).toBe(401);
    const login = await gateway.login(account.username, 'the-new-password-1', gateway.clientAddress());
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ roles: ['desk', 'supervisor'] });
  });

  it('answers a change to an unknown account with 404 problem', async () => {
    const answer = await gateway.call('PATCH', `/api/auth/staff/${gateway.prefix}ghost`, { token: adminToken, body: { active: false } });
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ code: 'staff.not-found' });
  });

  it('does not overwrite the first admin on a restart with another password', async () => {
    const second = await GatewayUnderTest.start({ ATRIUM_ADMIN_USERNAME: gateway.admin.username, ATRIUM_ADMIN_PASSWORD: 'another-password-x' });
    try {
      expect((await second.login(gateway.admin.username, 'another-password-x', gateway.clientAddress())).status).toBe(401);
      expect((await second.login(gateway.admin.username, gateway.admin.password, gateway.clientAddress())).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
