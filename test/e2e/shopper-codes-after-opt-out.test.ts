import { randomInt, randomUUID } from 'node:crypto';
import { waitFor, testPort } from '@atrium/testing';
import { startShopperStack, type ShopperStack } from './support/shopper-stack';

interface Preview {
  eligibility: { eligible: boolean; reason?: string };
}

/**
 * A marketing opt-out (T, STOP, 退訂) stops campaigns only: the shopper still gets sign-in
 * codes. Only the carrier's block (Twilio 21610) stops them, and then the code request says so
 * (409 problem+json) instead of a 202 after which nothing arrives. End to end on the real
 * servers: gateway, member, points and SMS services, the local Twilio endpoint.
 */
describe('sign-in codes after a marketing opt-out and after a carrier block', () => {
  const ports = { gateway: testPort(18250), member: testPort(13251), points: testPort(13252), sms: testPort(13254) };
  const centreNumber = '+85230000250';
  let stack: ShopperStack;
  let gateway: string;
  let twilio: ShopperStack['twilio'];
  let staffToken: string;
  let templateId: string;

  beforeAll(async () => {
    stack = await startShopperStack('codes-opt-out', ports, centreNumber);
    ({ gateway, twilio } = stack);
    const login = await call('POST', '/api/auth/login', { body: { username: stack.admin.username, password: stack.admin.password } });
    expect(login.status).toBe(200);
    staffToken = ((await login.json()) as { accessToken: string }).accessToken;
    const template = await call('POST', '/api/sms-campaign/templates', {
      token: staffToken,
      body: { name: `offer-${randomUUID()}`, kind: 'marketing', bodies: { en: '【Atrium】Hello {{name}}, 20% off this week. Reply STOP to opt out' } },
    });
    expect(template.status).toBe(201);
    templateId = ((await template.json()) as { id: string }).id;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  function call(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Response> {
    return fetch(`${gateway}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
  }

  /** The codes the local Twilio endpoint delivered to a number (what the phone received), newest first. */
  async function codesSentTo(e164: string): Promise<string[]> {
    const response = await fetch(`${twilio.apiBaseUrl}/_local/messages?to=${encodeURIComponent(e164)}&order=desc`);
    expect(response.status).toBe(200);
    const listing = (await response.json()) as { messages: { message: { body: string } }[] };
    return listing.messages.map((entry) => /\b(\d{6})\b/.exec(entry.message.body)?.[1]).filter((code): code is string => code !== undefined);
  }

  async function nextCode(e164: string, seen: number): Promise<string> {
    return waitFor(`SMS code number ${seen + 1} to reach ${e164}`, async () => {
      const codes = await codesSentTo(e164);
      return codes.length > seen ? codes[0] : undefined;
    }, 60_000, 250);
  }

  /** A shopper's SMS to the centre's number, signed and posted to the gateway's webhook as Twilio would. */
  async function textCentre(from: string, body: string): Promise<void> {
    const response = await fetch(`${twilio.apiBaseUrl}/_local/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to: centreNumber, body, url: `${gateway}/api/webhooks/twilio/inbound` }),
    });
    expect(response.status).toBe(200);
    const outcome = (await response.json()) as { webhook: { httpStatus: number | null } };
    expect(outcome.webhook.httpStatus).toBe(200);
  }

  async function failSendsTo(to: string, code: number): Promise<string> {
    const response = await fetch(`${twilio.apiBaseUrl}/_local/failures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to, code }) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  /** Whether a campaign with the marketing template would reach the member, as the SMS service decides it. */
  async function marketingEligibility(memberId: string): Promise<Preview['eligibility'] | undefined> {
    const response = await call('POST', `/api/sms-campaign/templates/${templateId}/preview`, { token: staffToken, body: { memberId } });
    return response.status === 200 ? ((await response.json()) as Preview).eligibility : undefined;
  }

  async function signUp(): Promise<{ typed: string; e164: string; memberId: string }> {
    const national = `136${String(randomInt(10_000_000, 99_999_999))}`;
    const phone = { typed: national, e164: `+86${national}` };
    expect((await call('POST', '/api/shopper/codes', { body: { phone: phone.typed, purpose: 'sign-up', language: 'en' } })).status).toBe(202);
    const code = await nextCode(phone.e164, 0);
    const signedUp = await call('POST', '/api/shopper/sign-up', {
      body: { phone: phone.typed, code, name: 'Opted Out Shopper', marketingConsent: { granted: true, wordingVersion: '2026-09' } },
    });
    expect(signedUp.status).toBe(201);
    const { member } = (await signedUp.json()) as { member: { id: string } };
    return { ...phone, memberId: member.id };
  }

  it('after the shopper replies T, a sign-in code still reaches the phone, and campaigns still skip the member', async () => {
    const shopper = await signUp();
    // The SMS service knows the member (and their consent) before the reply comes.
    await waitFor('the SMS service to know the consenting member', async () => ((await marketingEligibility(shopper.memberId))?.eligible === true ? true : undefined), 60_000, 250);

    await textCentre(shopper.e164, 'T');
    expect(await waitFor('the opt-out to stop marketing', async () => {
      const eligibility = await marketingEligibility(shopper.memberId);
      return eligibility?.eligible === false ? eligibility : undefined;
    }, 30_000, 250)).toEqual({ eligible: false, reason: 'opted-out' });

    const asked = await call('POST', '/api/shopper/codes', { body: { phone: shopper.typed, purpose: 'sign-in' } });
    expect(asked.status).toBe(202);
    const code = await nextCode(shopper.e164, 1);
    const signedIn = await call('POST', '/api/shopper/session', { body: { phone: shopper.typed, code } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ memberId: shopper.memberId });
    // Still opted out of marketing after signing in.
    expect(await marketingEligibility(shopper.memberId)).toEqual({ eligible: false, reason: 'opted-out' });
  }, 180_000);

  it('after Twilio refuses a code with 21610, the next code request answers 409 problem+json naming the phone; START lifts it', async () => {
    const shopper = await signUp();
    const rule = await failSendsTo(shopper.e164, 21610);
    expect((await call('POST', '/api/shopper/codes', { body: { phone: shopper.typed, purpose: 'sign-in' } })).status).toBe(202);

    // Until the block reaches the member service, a repeat meets the resend interval (429).
    const refused = await waitFor('the code request to say the carrier blocks the phone', async () => {
      const response = await call('POST', '/api/shopper/codes', { body: { phone: shopper.typed, purpose: 'sign-in' } });
      return response.status === 429 ? undefined : response;
    }, 60_000, 500);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('verification.number-blocked-by-carrier');
    expect(problem.errors.map((error) => error.field)).toEqual(['phone']);
    // A blocked number gets no campaign either.
    expect(await marketingEligibility(shopper.memberId)).toEqual({ eligible: false, reason: 'carrier-blocked' });

    await fetch(`${twilio.apiBaseUrl}/_local/failures/${encodeURIComponent(rule)}`, { method: 'DELETE' });
    await textCentre(shopper.e164, 'START');
    const lifted = await waitFor('START to lift the block', async () => {
      const response = await call('POST', '/api/shopper/codes', { body: { phone: shopper.typed, purpose: 'sign-in' } });
      return response.status === 409 ? undefined : response.status;
    }, 60_000, 500);
    // 202, or the resend interval of the refused code's request still running.
    expect([202, 429]).toContain(lifted);
  }, 180_000);
});
