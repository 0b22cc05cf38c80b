import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { StubUpstream } from './support/stub-upstream';
import { GatewayUnderTest } from './support/gateway-under-test';

const JWT_SECRET = randomBytes(32).toString('hex');

/** An HS256 token signed with the gateway's own secret and issuer, with exactly the claims given. */
function tokenWith(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: 'atrium-gateway', iat: now, exp: now + 600, ...claims })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

describe('signing out', () => {
  let member: StubUpstream;
  let gateway: GatewayUnderTest;
  let desk: { username: string; token: () => Promise<string> };

  beforeAll(async () => {
    member = await StubUpstream.start();
    gateway = await GatewayUnderTest.inFrontOfMember(member.url, { JWT_SECRET });
    desk = await gateway.createStaff('desk', ['desk']);
  });

  afterAll(async () => {
    await gateway?.stop();
    await member?.stop();
  });

  it('revokes the token it is called with, and only that one', async () => {
    const signedOut = await desk.token();
    const other = await desk.token();
    expect((await gateway.call('GET', '/api/member/members?phone=1', { token: signedOut })).status).toBe(200);

    const answer = await gateway.call('POST', '/api/auth/logout', { token: signedOut });
    expect(answer.status).toBe(204);

    for (const path of ['/api/member/members?phone=1', '/api/auth/me']) {
      const refused = await gateway.call('GET', path, { token: signedOut });
      expect(refused.status).toBe(401);
      expect(refused.contentType).toMatch(/^application\/problem\+json/);
      expect(refused.json).toMatchObject({ status: 401, code: 'auth.token-revoked' });
    }
    expect((await gateway.call('POST', '/api/auth/logout', { token: signedOut })).status).toBe(401);
    expect((await gateway.call('GET', '/api/member/members?phone=1', { token: other })).status).toBe(200);
  });

  it('still refuses a signed-out token after the gateway restarts, as the revocation is in Redis', async () => {
    const signedOut = await desk.token();
    const kept = await desk.token();
    expect((await gateway.call('POST', '/api/auth/logout', { token: signedOut })).status).toBe(204);

    await gateway.restart();

    const refused = await gateway.call('GET', '/api/member/members?phone=1', { token: signedOut });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ code: 'auth.token-revoked' });
    expect((await gateway.call('GET', '/api/member/members?phone=1', { token: kept })).status).toBe(200);
  });

  it('refuses a token without a jti (issued before tokens had one), though the same token with one is accepted', async () => {
    const claims = { sub: desk.username, roles: ['desk'], ver: 0 };
    const withoutId = await gateway.call('GET', '/api/member/members?phone=1', { token: tokenWith(claims) });
    expect(withoutId.status).toBe(401);
    expect(withoutId.contentType).toMatch(/^application\/problem\+json/);
    expect(withoutId.json).toMatchObject({ status: 401, code: 'auth.token-invalid' });

    const withId = await gateway.call('GET', '/api/member/members?phone=1', { token: tokenWith({ ...claims, jti: randomUUID() }) });
    expect(withId.status).toBe(200);
  });

  it('refuses sign-out without a token', async () => {
    const answer = await gateway.call('POST', '/api/auth/logout');
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ code: 'auth.token-missing' });
  });
});
