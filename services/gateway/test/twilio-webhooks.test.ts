// Twilio's webhooks through the real gateway (in this process, on the real servers) to a real
// HTTP server standing in for the SMS campaign service: public routes, body and signature
// streamed through untouched, identity headers stripped.
import { closedPort, StubUpstream } from './support/stub-upstream';
import { GatewayUnderTest } from './support/gateway-under-test';
import { call } from './support/http-call';

/** A status callback form as Twilio sends it (a repeated name and non-ASCII kept as sent). */
const STATUS_FORM =
  'MessageSid=SM0123456789abcdef0123456789abcdef&SmsSid=SM0123456789abcdef0123456789abcdef&MessageStatus=delivered&SmsStatus=delivered' +
  '&AccountSid=AC0123456789abcdef0123456789abcdef&From=%2B85230001234&To=%2B85291234567&ApiVersion=2010-04-01';
const INBOUND_FORM = 'MessageSid=SMfedcba9876543210fedcba9876543210&From=%2B85291234567&To=%2B85230001234&Body=%E9%80%80%E8%A8%82&NumMedia=0';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('Twilio webhooks through the gateway', () => {
  let sms: StubUpstream;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    sms = await StubUpstream.start();
    const nothingThere = `http://127.0.0.1:${await closedPort()}`;
    gateway = await GatewayUnderTest.start({
      MEMBER_SERVICE_URL: nothingThere,
      POINTS_SERVICE_URL: nothingThere,
      MERCHANT_DISCOUNT_SERVICE_URL: nothingThere,
      SMS_CAMPAIGN_SERVICE_URL: sms.url,
      OUTREACH_SERVICE_URL: nothingThere,
    });
  });

  beforeEach(() => sms.reset());

  afterAll(async () => {
    await gateway?.stop();
    await sms?.stop();
  });

  it('relays a status callback without a token to /twilio/status, body, query and signature intact, forged identity removed', async () => {
    sms.answerWith((_request, response) => response.writeHead(204).end());
    const answer = await gateway.call('POST', '/api/webhooks/twilio/status?campaign=c-1', {
      body: STATUS_FORM,
      headers: { ...FORM, 'x-twilio-signature': 'c2lnbmF0dXJlLW9mLXR3aWxpbw==', 'x-atrium-staff': 'someone', 'x-atrium-roles': 'admin' },
    });

    expect(answer.status).toBe(204);
    expect(sms.received).toHaveLength(1);
    const [received] = sms.received;
    expect(`${received.method} ${received.url}`).toBe('POST /twilio/status?campaign=c-1');
    expect(received.body).toBe(STATUS_FORM);
    expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(received.headers['x-twilio-signature']).toBe('c2lnbmF0dXJlLW9mLXR3aWxpbw==');
    expect(received.headers['x-atrium-staff']).toBeUndefined();
    expect(received.headers['x-atrium-roles']).toBeUndefined();
  });

  it("relays an inbound message to /twilio/inbound and hands the service's TwiML answer back to Twilio", async () => {
    const twiml = '<?xml version="1.0" encoding="UTF-8"?><Response><Message>已退訂</Message></Response>';
    sms.answerWith((_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end(twiml));
    const answer = await gateway.call('POST', '/api/webhooks/twilio/inbound', { body: INBOUND_FORM, headers: { ...FORM, 'x-twilio-signature': 'sig' } });

    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml');
    expect(answer.text).toBe(twiml);
    expect(sms.received.map((request) => `${request.method} ${request.url} ${request.body}`)).toEqual([`POST /twilio/inbound ${INBOUND_FORM}`]);
  });

  it("passes the service's 403 for a bad signature through", async () => {
    sms.answerWith((_request, response) => response.writeHead(403, { 'content-type': 'application/problem+json' }).end('{"status":403}'));
    const answer = await gateway.call('POST', '/api/webhooks/twilio/status', { body: STATUS_FORM, headers: { ...FORM, 'x-twilio-signature': 'forged' } });
    expect(answer.status).toBe(403);
    expect(answer.text).toBe('{"status":403}');
  });

  it('refuses a body that is not a form with 400 problem+json, forwarding nothing', async () => {
    const answer = await gateway.call('POST', '/api/webhooks/twilio/status', { body: { MessageSid: 'SM1', MessageStatus: 'delivered' } });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ code: 'webhook.not-a-form' });
    expect(sms.received).toHaveLength(0);
  });

  it('opens only POST status and inbound: other paths and methods need a staff token like any /api route, and nothing is relayed', async () => {
    expect((await gateway.call('POST', '/api/webhooks/twilio/other', { body: STATUS_FORM, headers: FORM })).status).toBe(401);
    expect((await gateway.call('GET', '/api/webhooks/twilio/status')).status).toBe(401);
    expect(sms.received).toHaveLength(0);
  });

  it('answers 502 problem+json when the SMS campaign service is down', async () => {
    const down = await GatewayUnderTest.start({ SMS_CAMPAIGN_SERVICE_URL: `http://127.0.0.1:${await closedPort()}` });
    try {
      const answer = await call(down.baseUrl, 'POST', '/api/webhooks/twilio/status', { body: STATUS_FORM, headers: FORM });
      expect(answer.status).toBe(502);
      expect(answer.json).toMatchObject({ code: 'gateway.upstream-unavailable' });
    } finally {
      await down.stop();
    }
  });
});
