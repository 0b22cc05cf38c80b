import { Kafka } from 'kafkajs';
import { TOPICS, VerificationPurpose, type VerificationCodeIssued } from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv, signedFetch, TopicRecorder, testPort } from '@atrium/testing';
import { MemberServiceUnderTest, uniqueMobile, type TestStaff } from './support/member-service';

interface Problem {
  code: string;
  errors?: { field: string }[];
  attemptsLeft?: number;
}

/**
 * Codes by SMS for sign-up and sign-in, on the real servers. The code is read from the
 * `member.verification-code-issued` event the SMS service sends it from (never from the
 * database): the member service keeps only a hash.
 */
describe('verification codes and self sign-up', () => {
  const service = new MemberServiceUnderTest(testPort(13291));
  const desk: TestStaff = { id: 'desk-verification-test', roles: ['desk'] };
  const codec = new EventCodec([TOPICS.memberEvents]);
  let memberEvents: TopicRecorder;
  let address = 0;

  beforeAll(async () => {
    await service.start({ VERIFICATION_RESEND_SECONDS: '2', VERIFICATION_MAX_ATTEMPTS: '3', VERIFICATION_MAX_CODES_PER_ADDRESS_PER_HOUR: '4' });
    const kafka = new Kafka({ clientId: 'member-verification-test', brokers: infraEnv().kafkaBrokers, logLevel: 1 });
    memberEvents = await new TopicRecorder(kafka, [TOPICS.memberEvents.name]).start(false);
  }, 120_000);

  afterAll(async () => {
    await memberEvents?.stop();
    await service.stop();
  });

  /** Every test speaks from its own address, so the per-address limit is the one test's own. */
  const newAddress = () => `198.51.100.${++address}-${service.run}`;

  async function askCode(phone: string, purpose: 'sign-up' | 'sign-in', from: string) {
    const response = await signedFetch(`${service.url}/verification-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-atrium-client-address': from },
      body: JSON.stringify({ phone, purpose, language: 'zh-Hant' }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }

  async function issuedCode(e164: string) {
    const message = await memberEvents.waitForMessage(`a code for ${e164}`, (m) => m.key === e164 && (m.value ?? '').includes('member.verification-code-issued'));
    const decoded = codec.decode(TOPICS.memberEvents, message.value ?? null);
    if (decoded.type !== 'member.verification-code-issued') throw new Error(`unexpected ${decoded.type}`);
    return decoded.payload as VerificationCodeIssued;
  }

  it('signs a shopper up with the code from the event, once; the code is then used up', async () => {
    const phone = uniqueMobile();
    const asked = await askCode(phone, 'sign-up', newAddress());
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ expiresInSeconds: 600, resendAfterSeconds: 2 });
    const issued = await issuedCode(`+86${phone}`);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.purpose).toBe(VerificationPurpose.SIGN_UP);
    expect(issued.language).toBe('zh-Hant');

    const body = { phone, code: issued.code, name: '自助會員', preferredLanguage: 'zh-Hant', marketingConsent: { granted: true, wordingVersion: '2026-09' } };
    const signedUp = await service.call<{ id: string; phone: string; channel: string }>('POST', '/self-sign-up', { body });
    expect(signedUp.status).toBe(201);
    expect(signedUp.body).toMatchObject({ phone: `+86${phone}`, channel: 'self-service' });

    const consent = await service.call<{ history: { granted: boolean; channel: string }[] }>('GET', `/members/${signedUp.body.id}/consent`, { staff: desk });
    expect(consent.body.history).toEqual([expect.objectContaining({ granted: true, channel: 'self-service' })]);

    const again = await service.call<Problem>('POST', '/self-sign-up', { body });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('verification.code-rejected');
  });

  it('refuses a wrong code naming the field, counts down the tries, and kills the code after the last', async () => {
    const phone = uniqueMobile();
    expect((await askCode(phone, 'sign-up', newAddress())).status).toBe(202);
    const issued = await issuedCode(`+86${phone}`);
    const wrong = issued.code === '000000' ? '111111' : '000000';

    const first = await service.call<Problem>('POST', '/self-sign-up', { body: { phone, code: wrong, name: 'Wrong' } });
    expect(first.status).toBe(400);
    expect(first.body).toMatchObject({ code: 'verification.code-rejected', attemptsLeft: 2 });
    expect(first.body.errors?.map((error) => error.field)).toEqual(['code']);
    await service.call('POST', '/self-sign-up', { body: { phone, code: wrong, name: 'Wrong' } });
    await service.call('POST', '/self-sign-up', { body: { phone, code: wrong, name: 'Wrong' } });

    // The fourth try is refused even with the right code: the code is dead.
    const right = await service.call<Problem>('POST', '/self-sign-up', { body: { phone, code: issued.code, name: 'Too Late' } });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('verification.attempts-exhausted');
    const lookup = await service.call<{ items: unknown[] }>('GET', `/members?phone=${phone}`, { staff: desk });
    expect(lookup.body.items).toEqual([]);
  });

  it('limits codes per phone (resend interval) and per address', async () => {
    const phone = uniqueMobile();
    const from = newAddress();
    expect((await askCode(phone, 'sign-up', from)).status).toBe(202);
    const tooSoon = await askCode(phone, 'sign-up', from);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.code).toBe('verification.too-many-requests-per-phone');
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);

    // Two more numbers from the same address fill its hourly allowance of 4 requests.
    expect((await askCode(uniqueMobile(), 'sign-up', from)).status).toBe(202);
    expect((await askCode(uniqueMobile(), 'sign-up', from)).status).toBe(202);
    const sprayed = await askCode(uniqueMobile(), 'sign-up', from);
    expect(sprayed.status).toBe(429);
    expect(sprayed.body.code).toBe('verification.too-many-requests-per-address');
  });

  it('signs in a member with a sign-in code and answers the member id; a sign-up for a member\'s phone is a 409 naming no member', async () => {
    const member = await service.register(desk, 'Returning Shopper');
    const national = member.phone.replace('+86', '');
    const signUp = await askCode(national, 'sign-up', newAddress());
    expect(signUp.status).toBe(409);
    expect(signUp.body).toMatchObject({ code: 'verification.already-a-member' });
    expect(JSON.stringify(signUp.body)).not.toContain(member.id);

    expect((await askCode(national, 'sign-in', newAddress())).status).toBe(202);
    const issued = await issuedCode(member.phone);
    expect(issued.memberId).toBe(member.id);
    const verified = await service.call<{ memberId: string }>('POST', '/verification-codes/verify', { body: { phone: member.phone, purpose: 'sign-in', code: issued.code } });
    expect(verified.status).toBe(200);
    expect(verified.body.memberId).toBe(member.id);
  });

  it('answers a sign-in request for a number that is no member\'s like any other, and issues no code', async () => {
    const phone = uniqueMobile();
    const asked = await askCode(phone, 'sign-in', newAddress());
    expect(asked.status).toBe(202);
    // A member's code (issued after this request) arrives while this number's never does.
    const member = await service.register(desk, 'Marker');
    await askCode(member.phone, 'sign-in', newAddress());
    await issuedCode(member.phone);
    expect(memberEvents.messages.filter((m) => m.key === `+86${phone}`)).toEqual([]);
  });
});
