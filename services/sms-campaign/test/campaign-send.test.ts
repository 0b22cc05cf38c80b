// End to end in one service: a campaign made through the HTTP API (segment, template, approval
// by another member of staff, send now) reaches through the real queue and the local Twilio
// endpoint exactly the members this test works out by hand, and no others: no consent, replied
// STOP, at the frequency cap, erased, outside the segment.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@atrium/testing';
import { putMember, SPECIALIST, SUPERVISOR, type TestMember } from './support/campaign-side';
import { campaignMessages, freePort, LocalTwilio, smsEnv, SmsServiceUnderTest } from './support/delivery-harness';

const BODIES = { en: '【Atrium】{{name}}, members-only night market on Friday. Reply STOP to opt out' };

describe('a campaign sent to a segment', () => {
  const endpoint = new LocalTwilio();
  let sms: SmsServiceUnderTest;

  beforeAll(async () => {
    const port = await freePort();
    // A cap of 2 messages in 30 days, so one member can be at the cap before the campaign.
    sms = await SmsServiceUnderTest.start(smsEnv(randomUUID().slice(0, 8), port, { SMS_MARKETING_CAP_MESSAGES: '2' }));
  });

  afterAll(async () => {
    await sms?.stop();
  });

  it('reaches exactly the members it should, each once, and reports the others by reason', async () => {
    const tag = `night-market-${randomUUID().slice(0, 8)}`;
    const put = (name: string, fields: Partial<TestMember> = {}): Promise<TestMember> => putMember(sms.profiles, { name, language: 'en', tags: [tag], ...fields });
    const ann = await put('Ann');
    const bob = await put('Bob');
    const noConsent = await put('Nora', { consent: false });
    const stopped = await put('Stan');
    await sms.profiles.markOptedOut(stopped.memberId, new Date());
    const capped = await put('Cap');
    const erased = await put('Eve');
    await sms.profiles.erase(erased.memberId, new Date());
    const outside = await put('Una', { tags: [] });

    // Two earlier campaigns reached Cap: the cap (2) is full.
    for (const earlier of [randomUUID(), randomUUID()]) {
      await sms.delivery.dispatch(earlier, campaignMessages(earlier, [{ memberId: capped.memberId, phone: capped.phone, language: 'en' }]), [], new Date());
      await sms.waitUntilSettled(earlier);
    }

    const segment = await sms.expect<{ id: string }>(201, 'POST', '/segments', { body: { name: `night market ${tag}`, rule: { hasTag: tag } }, headers: SPECIALIST });
    const template = await sms.expect<{ id: string }>(201, 'POST', '/templates', { body: { name: `night market ${tag}`, kind: 'marketing', bodies: BODIES }, headers: SPECIALIST });
    await sms.expect(200, 'POST', `/templates/${template.id}/approve`, { headers: SUPERVISOR });
    const campaign = await sms.expect<{ id: string }>(201, 'POST', '/campaigns', {
      body: { name: `night market ${tag}`, segmentId: segment.id, templateId: template.id, kind: 'marketing' },
      headers: SPECIALIST,
    });
    await sms.expect(200, 'POST', `/campaigns/${campaign.id}/submit`, { headers: SPECIALIST });
    await sms.expect(200, 'POST', `/campaigns/${campaign.id}/approve`, { headers: SUPERVISOR });
    await sms.expect(200, 'POST', `/campaigns/${campaign.id}/send-now`, { headers: SPECIALIST });

    await waitFor(
      'the campaign to complete',
      async () => ((await sms.expect<{ state: string }>(200, 'GET', `/campaigns/${campaign.id}`)).state === 'completed' ? true : undefined),
      60_000,
      250,
    );

    await sms.waitUntilSettled(campaign.id);
    const counts = await endpoint.countsFor([ann, bob, noConsent, stopped, capped, erased, outside].map((member) => member.phone));
    expect(Object.fromEntries(counts)).toEqual({
      [ann.phone]: 1,
      [bob.phone]: 1,
      [noConsent.phone]: 0,
      [stopped.phone]: 0,
      [capped.phone]: 2, // the two earlier campaigns only
      [erased.phone]: 0,
      [outside.phone]: 0,
    });
    const [toAnn] = await endpoint.messagesTo(ann.phone);
    expect(toAnn.message.body).toBe('【Atrium】Ann, members-only night market on Friday. Reply STOP to opt out');

    const results = await sms.expect<Record<string, unknown>>(200, 'GET', `/campaigns/${campaign.id}/results`);
    expect(results).toMatchObject({
      state: 'completed',
      recipients: 5,
      excludedByReason: { 'no-consent': 1, 'opted-out': 1, 'frequency-capped': 1 },
      finished: true,
    });
    const delivered = await sms.expect<{ total: number; items: { memberId: string }[] }>(200, 'GET', `/campaigns/${campaign.id}/recipients?status=delivered`);
    expect(delivered.items.map((item) => item.memberId).sort()).toEqual([ann.memberId, bob.memberId].sort());
  }, 120_000);
});
