import { signedRequestOf, verifyIdentity } from '@atrium/staff-identity';
import { TEST_IDENTITY_SECRET } from '@atrium/testing';
import { StubUpstream, type ReceivedRequest } from './support/stub-upstream';

/** Whether the request reached the service with the gateway's valid signature of what it carries. */
function signatureOf(received: ReceivedRequest): string {
  const header = received.headers['x-atrium-identity'];
  return verifyIdentity(TEST_IDENTITY_SECRET, signedRequestOf(received.method, received.url, received.headers), Array.isArray(header) ? header[0] : header);
}
import { GatewayUnderTest } from './support/gateway-under-test';

describe('forwarding to the services', () => {
  let member: StubUpstream;
  let gateway: GatewayUnderTest;
  let desk: string;
  let finance: string;
  let admin: string;

  beforeAll(async () => {
    member = await StubUpstream.start();
    gateway = await GatewayUnderTest.inFrontOfMember(member.url);
    desk = await (await gateway.createStaff('desk', ['desk'])).token();
    finance = await (await gateway.createStaff('finance', ['finance'])).token();
    admin = await gateway.adminToken();
  });

  beforeEach(() => member.reset());

  afterAll(async () => {
    await gateway?.stop();
    await member?.stop();
  });

  it('forwards POST /api/member/members to the member service as POST /members, body intact, caller in headers', async () => {
    const body = JSON.stringify({ phone: '138 0013 8000', name: '陳大文', nested: { list: [1, 2.5, null, true] } });
    const answer = await gateway.call('POST', '/api/member/members?source=desk', {
      token: desk,
      body,
      headers: { 'content-type': 'application/json', 'x-trace-id': 'trace-from-console-0001' },
    });

    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ id: 'e5b1c1de-0000-4000-8000-000000000001', seen: '/members?source=desk' });
    expect(member.received).toHaveLength(1);
    const [received] = member.received;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/members?source=desk');
    expect(received.body).toBe(body);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['x-atrium-staff']).toBe(`${gateway.prefix}desk`);
    expect(received.headers['x-atrium-roles']).toBe('desk');
    expect(received.headers['x-trace-id']).toBe('trace-from-console-0001');
    expect(received.headers.authorization).toBeUndefined();
    expect(answer.headers['x-trace-id']).toBe('trace-from-console-0001');
  });

  it('makes up a trace id when the caller sent none, and replaces forged identity headers with its own, signed', async () => {
    const answer = await gateway.call('GET', '/api/member/members/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11?x=1', {
      token: desk,
      headers: {
        'x-atrium-staff': 'someone-else',
        'x-atrium-roles': 'admin',
        'x-atrium-shopper': 'M-1',
        'x-atrium-client-address': '10.9.9.9',
        'x-atrium-identity': '1.0000000000000000000000000000000000000000000000000000000000000000',
      },
    });
    expect(answer.status).toBe(200);
    const [received] = member.received;
    expect(received.url).toBe('/members/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11?x=1');
    expect(received.headers['x-trace-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['x-trace-id']).toBe(received.headers['x-trace-id']);
    expect(received.headers['x-atrium-staff']).toBe(`${gateway.prefix}desk`);
    expect(received.headers['x-atrium-roles']).toBe('desk');
    expect(received.headers['x-atrium-shopper']).toBeUndefined();
    expect(received.headers['x-atrium-client-address']).toBeUndefined();
    expect(signatureOf(received)).toBe('valid');
  });

  it('lets finance read a member but refuses it POST /api/member/members (403 problem, nothing forwarded)', async () => {
    expect((await gateway.call('GET', '/api/member/members/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11', { token: finance })).status).toBe(200);
    member.reset();

    const answer = await gateway.call('POST', '/api/member/members', { token: finance, body: { phone: '13800138000', name: 'Chan' } });
    expect(answer.status).toBe(403);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ status: 403, code: 'auth.role-not-allowed', instance: '/api/member/members' });
    expect(member.received).toHaveLength(0);
  });

  it('refuses routes the table does not list (default deny), except to an admin', async () => {
    expect((await gateway.call('DELETE', '/api/member/members/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11', { token: desk })).status).toBe(403);
    // Dot segments are refused rather than matched as an :id a server might resolve elsewhere.
    expect((await gateway.call('GET', '/api/member/members/%2e%2e', { token: desk })).status).toBe(403);
    expect((await gateway.call('GET', '/api/member/members/..', { token: desk })).status).toBe(403);
    expect(member.received).toHaveLength(0);

    const byAdmin = await gateway.call('DELETE', '/api/member/members/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11', { token: admin });
    expect(byAdmin.status).toBe(200);
    expect(member.received.map((request) => `${request.method} ${request.url}`)).toEqual(['DELETE /members/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11']);
  });

  it('answers a forwarded route without a token with 401 problem, forwarding nothing', async () => {
    const answer = await gateway.call('POST', '/api/member/members', { body: { phone: '13800138000', name: 'Chan' } });
    expect(answer.status).toBe(401);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(member.received).toHaveLength(0);
  });

  it('passes a service\'s problem+json answer through unchanged', async () => {
    const problem = {
      type: 'urn:atrium:problem:member.phone-taken',
      title: 'Conflict',
      status: 409,
      detail: 'A member with this phone number already exists.',
      code: 'member.phone-taken',
      existingMemberId: '0b0c2d6e-1111-4222-8333-444455556666',
    };
    member.answerWith((_request, response) => {
      response.writeHead(409, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify(problem));
    });
    const answer = await gateway.call('POST', '/api/member/members', { token: desk, body: { phone: '13800138000', name: 'Chan' } });
    expect(answer.status).toBe(409);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.text).toBe(JSON.stringify(problem));
  });

  it('answers an unknown service with 404 problem+json', async () => {
    const answer = await gateway.call('GET', '/api/no-such-service/things', { token: admin });
    expect(answer.status).toBe(404);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ status: 404, code: 'gateway.unknown-service', service: 'no-such-service' });
  });

  it('answers 502 problem+json naming the service when the service is down', async () => {
    const answer = await gateway.call('GET', '/api/points/accounts/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11', { token: finance });
    expect(answer.status).toBe(502);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ status: 502, title: 'Bad Gateway', code: 'gateway.upstream-unavailable', service: 'points' });
    expect((answer.json as { detail: string }).detail).toContain('points');
  });
});
