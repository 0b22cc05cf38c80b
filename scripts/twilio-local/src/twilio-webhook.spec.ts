import { createHmac } from 'node:crypto';
import twilio from 'twilio';
import { newMessageResource, type MessageResource } from './message-resource';
import { inboundMessageParams, signWebhook, statusCallbackParams } from './twilio-webhook';

const authToken = '0123456789abcdef0123456789abcdef';
const accountSid = `AC${'c'.repeat(32)}`;

function message(overrides: Partial<MessageResource> = {}): MessageResource {
  return {
    ...newMessageResource({ accountSid, to: '+85291234567', from: '+85230001234', messagingServiceSid: null, body: '回T退訂', numMedia: 0, direction: 'outbound-api', status: 'queued', now: new Date() }),
    ...overrides,
  };
}

describe('status callback parameters', () => {
  it("carry what Twilio posts for a status: SID and status under both names, account, addresses, API version", () => {
    const m = message();
    expect(statusCallbackParams(m, 'sent')).toEqual({
      AccountSid: accountSid,
      ApiVersion: '2010-04-01',
      From: '+85230001234',
      MessageSid: m.sid,
      MessageStatus: 'sent',
      SmsSid: m.sid,
      SmsStatus: 'sent',
      To: '+85291234567',
    });
  });

  it('carry the ErrorCode of a failed or undelivered message, and the Messaging Service', () => {
    const m = message({ error_code: 30003, messaging_service_sid: `MG${'d'.repeat(32)}` });
    expect(statusCallbackParams(m, 'undelivered')).toEqual(expect.objectContaining({ ErrorCode: '30003', MessagingServiceSid: `MG${'d'.repeat(32)}` }));
    expect(statusCallbackParams(m, 'sent')).not.toHaveProperty('ErrorCode');
  });
});

describe('inbound message parameters', () => {
  it("carry Twilio's incoming-message fields", () => {
    const m = message({ direction: 'inbound', status: 'received', from: '+85291234567', to: '+85230001234', body: '退訂' });
    expect(inboundMessageParams(m, { fromCountry: 'HK', toCountry: 'HK' })).toEqual({
      AccountSid: accountSid,
      ApiVersion: '2010-04-01',
      Body: '退訂',
      From: '+85291234567',
      FromCity: '',
      FromCountry: 'HK',
      FromState: '',
      FromZip: '',
      MessageSid: m.sid,
      NumMedia: '0',
      NumSegments: '1',
      SmsMessageSid: m.sid,
      SmsSid: m.sid,
      SmsStatus: 'received',
      To: '+85230001234',
      ToCity: '',
      ToCountry: 'HK',
      ToState: '',
      ToZip: '',
    });
  });
});

describe('signWebhook', () => {
  const url = 'https://example.com/api/sms/twilio/status?campaign=c1&x=y';
  const params = { MessageStatus: 'delivered', MessageSid: `SM${'e'.repeat(32)}`, Body: '回T退訂 Reply STOP' };

  it("signs as Twilio does: HMAC-SHA1 of the URL and the parameters sorted by name, base64", () => {
    const signed = signWebhook(authToken, url, params);
    // Twilio's documented algorithm, computed independently of the SDK.
    const data = url + Object.keys(params).sort().map((key) => key + params[key as keyof typeof params]).join('');
    expect(signed.headers['x-twilio-signature']).toBe(createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64'));
    expect(twilio.validateRequest(authToken, signed.headers['x-twilio-signature'], url, params)).toBe(true);
  });

  it('gives a signature that fails for another token, another URL or changed parameters', () => {
    const signature = signWebhook(authToken, url, params).headers['x-twilio-signature'];
    expect(twilio.validateRequest('f'.repeat(32), signature, url, params)).toBe(false);
    expect(twilio.validateRequest(authToken, signature, url.replace('c1', 'c2'), params)).toBe(false);
    expect(twilio.validateRequest(authToken, signature, url, { ...params, MessageStatus: 'failed' })).toBe(false);
  });

  it('encodes the parameters as a form body that decodes to the signed values', () => {
    const signed = signWebhook(authToken, url, params);
    expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(signed.body))).toEqual(params);
  });
});
