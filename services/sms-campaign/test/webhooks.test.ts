// Twilio's webhooks on the real servers: status callbacks and shoppers' replies, posted by the
// local Twilio endpoint (signed as Twilio signs them) or forged by the test.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import twilio from 'twilio';
import { TOPICS } from '@atrium/contracts';
import { infraEnv, TopicRecorder, waitFor, type RecordedMessage } from '@atrium/testing';
import { campaignMessages, freePort, LocalTwilio, seedMembers, smsEnv, SmsServiceUnderTest, uniqueMobile, type SeededMember } from './support/delivery-harness';

interface SmsEvent {
  type: string;
  payload: { memberId?: string; phone: string; keyword: string; messageSid: string; receivedAt: string };
}

const eventOf = (message: RecordedMessage): SmsEvent => JSON.parse(message.value ?? '{}') as SmsEvent;

describe('Twilio webhooks', () => {
  const endpoint = new LocalTwilio();
  let sms: SmsServiceUnderTest;
  let recorder: TopicRecorder;
  let authToken: string;
  let publicBase: string;
  let ourNumber: string;

  beforeAll(async () => {
    const port = await freePort();
    const env = smsEnv(randomUUID().slice(0, 8), port);
    authToken = env.TWILIO_AUTH_TOKEN;
    publicBase = env.TWILIO_WEBHOOK_BASE_URL;
    ourNumber = env.TWILIO_FROM;
    sms = await SmsServiceUnderTest.start(env);
    recorder = await new TopicRecorder(new Kafka({ clientId: 'sms-webhooks-test', brokers: infraEnv().kafkaBrokers, logLevel: logLevel.NOTHING }), [TOPICS.smsEvents.name]).start(false);
  });

  afterAll(async () => {
    await recorder?.stop();
    await sms?.stop();
  });

  /** Posts a form to one of the service's webhook routes, signed for `signedUrl` (the right one unless a test forges). */
  async function post(route: 'status' | 'inbound', form: Record<string, string>, signature?: string): Promise<{ status: number; contentType: string; text: string }> {
    const response = await fetch(`${sms.url}/twilio/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === undefined ? {} : { 'x-twilio-signature': signature }) },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  }

  const sign = (route: 'status' | 'inbound', form: Record<string, string>, url = `${publicBase}/${route}`): string => twilio.getExpectedTwilioSignature(authToken, url, form);

  /** A member who received one campaign message, delivered. */
  async function memberWithDeliveredMessage(language: SeededMember['language'] = 'en'): Promise<{ member: SeededMember; campaignId: string; messageSid: string; recipientId: string }> {
    const campaignId = randomUUID();
    const [member] = await seedMembers(sms.profiles, 1, { language });
    const [message] = campaignMessages(campaignId, [member]);
    await sms.delivery.dispatch(campaignId, [message], [], new Date());
    await sms.waitUntilSettled(campaignId);
    const [item] = (await sms.delivery.recipients(campaignId, { limit: 1, offset: 0 })).items;
    expect(item.status).toBe('delivered');
    return { member, campaignId, messageSid: item.messageSid ?? '', recipientId: message.recipientId };
  }

  describe('status callbacks', () => {
    it('refuses a forged or unsigned callback with 403 problem+json and changes nothing', async () => {
      const { messageSid, recipientId } = await memberWithDeliveredMessage();
      const form = { MessageSid: messageSid, MessageStatus: 'failed', ErrorCode: '30008', AccountSid: process.env.TWILIO_ACCOUNT_SID ?? '' };

      const forged = await post('status', form, sign('status', form).replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
      expect(forged.status).toBe(403);
      expect(forged.contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(forged.text)).toMatchObject({ status: 403, code: 'webhook.signature-invalid' });
      expect((await post('status', form)).status).toBe(403);
      // Signed by the real key but for another URL, or with a changed parameter: refused too.
      expect((await post('status', form, sign('status', form, 'https://elsewhere.example/status'))).status).toBe(403);
      expect((await post('status', { ...form, ErrorCode: '30007' }, sign('status', form))).status).toBe(403);

      expect(await sms.record(recipientId)).toMatchObject({ status: 'delivered' });
      expect(await sms.database.collection('delivery_status_updates').countDocuments({ messageSid, status: 'failed' })).toBe(0);
    });

    it('never moves a message backwards, and keeps a repeated status once', async () => {
      const { messageSid, recipientId } = await memberWithDeliveredMessage();
      const late = { MessageSid: messageSid, MessageStatus: 'sent' };
      const repeat = { MessageSid: messageSid, MessageStatus: 'delivered' };
      expect((await post('status', late, sign('status', late))).status).toBe(204);
      expect((await post('status', repeat, sign('status', repeat))).status).toBe(204);
      expect((await post('status', repeat, sign('status', repeat))).status).toBe(204);

      expect(await sms.record(recipientId)).toMatchObject({ status: 'delivered', messageSid });
      expect(await sms.database.collection('delivery_status_updates').countDocuments({ messageSid, status: 'delivered' })).toBe(1);
    });

    it('refuses a signed form without a message SID with 400 naming the field', async () => {
      const form = { MessageStatus: 'delivered' };
      const answer = await post('status', form, sign('status', form));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({ code: 'webhook.form-invalid', errors: [{ field: 'MessageSid' }] });
    });
  });

  describe('inbound messages', () => {
    it.each([
      ['STOP', 'en'],
      ['退訂', 'zh-Hant'],
    ] as const)('%s withdraws consent at once and publishes MarketingOptOutReceived, charged to the last campaign', async (keyword, language) => {
      const { member, campaignId } = await memberWithDeliveredMessage(language);

      const result = await endpoint.inbound(member.phone, ourNumber, keyword, `${sms.url}/twilio/inbound`);
      expect(result.webhook.httpStatus).toBe(200);
      expect(result.replies).toEqual([]);

      const published = await recorder.waitForMessage(`MarketingOptOutReceived from ${member.phone}`, (message) => message.key === member.phone);
      const event = eventOf(published);
      expect(event.type).toBe('sms.marketing-opt-out-received');
      expect(event.payload).toMatchObject({ memberId: member.memberId, phone: member.phone, keyword });
      expect(event.payload.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
      expect(await sms.profiles.get(member.memberId)).toMatchObject({ smsOptedOut: true });
      expect((await sms.delivery.totals(campaignId)).optOutsCaused).toBe(1);
      expect(await sms.delivery.totals(campaignId)).toEqual(await sms.totalsFromRecords(campaignId));

      // The member is not sent the next campaign.
      const next = randomUUID();
      await sms.delivery.dispatch(next, campaignMessages(next, [member]), [], new Date());
      await sms.waitUntilSettled(next);
      expect((await sms.delivery.totals(next)).excludedByReason).toEqual({ 'opted-out': 1 });
    });

    it('publishes an opt-out from a number no member has, without a member id', async () => {
      const stranger = uniqueMobile();
      expect((await endpoint.inbound(stranger, ourNumber, 'unsubscribe', `${sms.url}/twilio/inbound`)).webhook.httpStatus).toBe(200);
      const event = eventOf(await recorder.waitForMessage(`MarketingOptOutReceived from ${stranger}`, (message) => message.key === stranger));
      expect(event.payload.memberId ?? '').toBe('');
      expect(event.payload).toMatchObject({ phone: stranger, keyword: 'unsubscribe' });
    });

    it('START gives the member back: MarketingOptInReceived, and the opt-out lifted', async () => {
      const { member } = await memberWithDeliveredMessage();
      await endpoint.inbound(member.phone, ourNumber, 'STOP', `${sms.url}/twilio/inbound`);
      await waitFor('the opt-out', async () => ((await sms.profiles.get(member.memberId))?.smsOptedOut ? true : undefined));
      await endpoint.inbound(member.phone, ourNumber, 'Start', `${sms.url}/twilio/inbound`);

      const optIn = await recorder.waitForMessage('MarketingOptInReceived', (message) => message.key === member.phone && eventOf(message).type === 'sms.marketing-opt-in-received');
      expect(eventOf(optIn).payload).toMatchObject({ memberId: member.memberId, phone: member.phone, keyword: 'Start' });
      expect(await sms.profiles.get(member.memberId)).toMatchObject({ smsOptedOut: false });
    });

    it("answers HELP in the member's language", async () => {
      const [member] = await seedMembers(sms.profiles, 1, { language: 'zh-Hant' });
      const result = await endpoint.inbound(member.phone, ourNumber, 'help', `${sms.url}/twilio/inbound`);
      expect(result.webhook.httpStatus).toBe(200);
      expect(result.replies).toHaveLength(1);
      expect(result.replies[0].body).toMatch(/^【Atrium】.*退訂/);
    });

    it('refuses a forged STOP with 403: the member stays opted in and nothing is recorded', async () => {
      const [member] = await seedMembers(sms.profiles, 1);
      const messageSid = `SM${randomUUID().replace(/-/g, '')}`;
      const form = { MessageSid: messageSid, From: member.phone, To: ourNumber, Body: 'STOP' };
      const answer = await post('inbound', form, 'bm90LWEtc2lnbmF0dXJl');
      expect(answer.status).toBe(403);
      expect(await sms.profiles.get(member.memberId)).toMatchObject({ smsOptedOut: false });
      expect(await sms.database.collection('inbound_messages').countDocuments({ _id: messageSid } as Record<string, unknown>)).toBe(0);
    });

    it('handles a repeated inbound message once: one record, one event', async () => {
      const [member] = await seedMembers(sms.profiles, 1);
      const messageSid = `SM${randomUUID().replace(/-/g, '')}`;
      const form = { MessageSid: messageSid, From: member.phone, To: ourNumber, Body: 'TD' };
      expect((await post('inbound', form, sign('inbound', form))).status).toBe(200);
      expect((await post('inbound', form, sign('inbound', form))).status).toBe(200);
      await recorder.waitForMessage('the opt-out', (message) => message.key === member.phone);
      // Published from the record's outbox: the record, and so the event, exists once.
      expect(await sms.database.collection('inbound_messages').countDocuments({ _id: messageSid } as Record<string, unknown>)).toBe(1);
      await waitFor('the outbox to be empty', async () =>
        (await sms.database.collection('inbound_messages').countDocuments({ 'outbox.0': { $exists: true } })) === 0 ? true : undefined,
      );
      expect(recorder.messages.filter((message) => message.key === member.phone)).toHaveLength(1);
    });
  });
});
