import { randomInt, randomUUID } from 'node:crypto';
import { waitFor, testPort } from '@atrium/testing';
import { startShopperStack, type ShopperStack } from './support/shopper-stack';

/**
 * A shopper's own way in, end to end on the real servers: a code asked for through the
 * gateway is issued by the member service, sent by the SMS service through the Twilio SDK to
 * the local Twilio endpoint, read from that endpoint's inbox (what a phone would receive, no
 * back door), and exchanged for a shopper token that opens the shopper's own records only.
 */
describe('shopper self-service: sign-up and sign-in by SMS code', () => {
  const ports = { gateway: testPort(18180), member: testPort(13101), points: testPort(13102), sms: testPort(13104) };
  let stack: ShopperStack;
  let gateway: string;
  let twilio: ShopperStack['twilio'];
  let admin: ShopperStack['admin'];

  beforeAll(async () => {
    stack = await startShopperStack('shopper', ports, '+85230000000');
    ({ gateway, twilio, admin } = stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function call(method: string, path: string, options: { token?: string; body?: unknown; from?: string } = {}): Promise<Response> {
    return fetch(`${gateway}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
  }

  /** The codes the local Twilio endpoint delivered to a number, newest first. */
  async function codesSentTo(e164: string): Promise<string[]> {
    // The endpoint's own order of arrival: `date_created` has whole seconds, and two codes
    // asked for within one second would sort either way by it.
    const response = await fetch(`${twilio.apiBaseUrl}/_local/messages?to=${encodeURIComponent(e164)}&order=desc`);
    expect(response.status).toBe(200);
    const listing = (await response.json()) as { messages: { message: { body: string } }[] };
    return listing.messages
      .map((entry) => entry.message)
      .map((message) => /\b(\d{6})\b/.exec(message.body)?.[1])
      .filter((code): code is string => code !== undefined);
  }

  async function nextCode(e164: string, seen: number): Promise<string> {
    return waitFor(`SMS code number ${seen + 1} to reach ${e164}`, async () => {
      const codes = await codesSentTo(e164);
      return codes.length > seen ? codes[0] : undefined;
    }, 60_000, 250);
  }

  async function staffToken(): Promise<string> {
    const staffLogin = await call('POST', '/api/auth/login', { body: { username: admin.username, password: admin.password } });
    expect(staffLogin.status).toBe(200);
    return ((await staffLogin.json()) as { accessToken: string }).accessToken;
  }

  const newPhone = () => {
    const national = `137${String(randomInt(10_000_000, 99_999_999))}`;
    return { typed: national, e164: `+86${national}` };
  };

  it('signs up with the code from the SMS, then signs in again with a new code, and reads only its own records', async () => {
    const phone = newPhone();
    const asked = await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-up', language: 'en' } });
    expect(asked.status).toBe(202);
    const signUpCode = await nextCode(phone.e164, 0);

    const signedUp = await call('POST', '/api/shopper/sign-up', { body: { phone: phone.typed, code: signUpCode, name: 'Self Service Shopper' } });
    expect(signedUp.status).toBe(201);
    const { member, session } = (await signedUp.json()) as { member: { id: string; phone: string }; session: { accessToken: string; memberId: string } };
    expect(member).toMatchObject({ phone: phone.e164 });
    expect(member).not.toHaveProperty('channel');
    expect(session.memberId).toBe(member.id);
    // The sign-up source is staff data: recorded, and shown to staff only.
    const staffRecord = await call('GET', `/api/member/members/${member.id}`, { token: await staffToken() });
    expect(staffRecord.status).toBe(200);
    expect(await staffRecord.json()).toMatchObject({ id: member.id, channel: 'self-service' });

    const me = await call('GET', '/api/shopper/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: member.id });

    const balances = await waitFor('the new member\'s points account', async () => {
      const response = await call('GET', '/api/shopper/me/points', { token: session.accessToken });
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
    }, 90_000, 250);
    expect(balances).toMatchObject({ memberId: member.id, available: 0, pending: 0 });

    // The sign-up code is used up: it cannot sign up again nor serve as a sign-in code.
    const reused = await call('POST', '/api/shopper/session', { body: { phone: phone.typed, code: signUpCode } });
    expect(reused.status).toBe(400);

    const askedAgain = await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-in' } });
    expect(askedAgain.status).toBe(202);
    const signInCode = await nextCode(phone.e164, 1);
    const signedIn = await call('POST', '/api/shopper/session', { body: { phone: `+86 ${phone.typed}`, code: signInCode } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ memberId: member.id, tokenType: 'Bearer' });

    // Rewards and reservations act for the signed-in shopper only: a body naming a member is
    // refused, and a reservation that is not theirs (here: none at all) is not found.
    const token = session.accessToken;
    expect((await call('GET', '/api/shopper/me/rewards', { token })).status).toBe(200);
    const redemptions = await call('GET', '/api/shopper/me/redemptions', { token });
    expect(redemptions.status).toBe(200);
    expect(await redemptions.json()).toEqual([]);
    const naming = await call('POST', '/api/shopper/me/reservations', { token, body: { rewardId: randomUUID(), location: 'desk-l1', memberId: randomUUID() } });
    expect(naming.status).toBe(400);
    expect(((await naming.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toContain('memberId');
    expect((await call('POST', '/api/shopper/me/reservations', { token, body: { rewardId: randomUUID(), location: 'desk-l1' } })).status).toBe(404);
    expect((await call('POST', `/api/shopper/me/reservations/${randomUUID()}/cancel`, { token })).status).toBe(404);
  }, 180_000);

  it('refuses a wrong code with 400 naming the code, and tells how many tries are left', async () => {
    const phone = newPhone();
    expect((await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-up' } })).status).toBe(202);
    const code = await nextCode(phone.e164, 0);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await call('POST', '/api/shopper/sign-up', { body: { phone: phone.typed, code: wrong, name: 'Wrong Code' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as { code: string; errors: { field: string }[]; attemptsLeft: number };
    expect(problem.code).toBe('verification.code-rejected');
    expect(problem.errors.map((error) => error.field)).toEqual(['code']);
    expect(problem.attemptsLeft).toBeGreaterThan(0);
  }, 120_000);

  it('answers a second request for the same phone within the resend interval with 429 and Retry-After', async () => {
    const phone = newPhone();
    expect((await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-up' } })).status).toBe(202);
    const again = await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-up' } });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers a sign-in request for a number that is no member\'s like any other, and sends nothing', async () => {
    const phone = newPhone();
    const asked = await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-in' } });
    expect(asked.status).toBe(202);
    // A member's code arrives within seconds (see above); give a non-member's the same time.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await codesSentTo(phone.e164)).toEqual([]);
  });

  it('keeps shopper and staff tokens apart', async () => {
    expect((await call('GET', '/api/shopper/me', { token: await staffToken() })).status).toBe(401);
    expect((await call('GET', '/api/shopper/me')).status).toBe(401);

    const phone = newPhone();
    expect((await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-up' } })).status).toBe(202);
    const code = await nextCode(phone.e164, 0);
    const signedUp = await call('POST', '/api/shopper/sign-up', { body: { phone: phone.typed, code, name: 'Token Tester' } });
    const { member, session } = (await signedUp.json()) as { member: { id: string }; session: { accessToken: string } };
    expect((await call('GET', `/api/member/members/${member.id}`, { token: session.accessToken })).status).toBe(401);
  }, 120_000);
});
