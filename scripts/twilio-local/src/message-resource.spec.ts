import * as path from 'node:path';
import { TWILIO_FORMATS } from './formats';
import { newMessageResource, rfc2822 } from './message-resource';
import { OpenApiDocument } from './openapi-document';
import { validateValue } from './schema-validator';
import { MESSAGES_PATHS } from './twilio-messages-api';

const document = OpenApiDocument.load(path.join(__dirname, '..', 'openapi', 'twilio_api_v2010.json'), MESSAGES_PATHS);
const messageSchema = document.componentSchema('api.v2010.account.message');
const accountSid = `AC${'a'.repeat(32)}`;

describe('the Message resource the endpoint answers with', () => {
  const message = newMessageResource({
    accountSid,
    to: '+85291234567',
    from: '+85230001234',
    messagingServiceSid: null,
    body: 'Hello 👍',
    numMedia: 0,
    direction: 'outbound-api',
    status: 'queued',
    now: new Date(Date.UTC(2023, 7, 24, 5, 1, 45)),
  });

  it("has exactly the properties of Twilio's message schema, each valid", () => {
    expect(Object.keys(message).sort()).toEqual(Object.keys(messageSchema.properties ?? {}).sort());
    expect(validateValue(messageSchema, message, 'message', TWILIO_FORMATS)).toEqual([]);
  });

  it("has Twilio's SID, URIs and dates", () => {
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.uri).toBe(`/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`);
    expect(message.subresource_uris).toEqual({ media: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}/Media.json` });
    expect(message.date_created).toBe('Thu, 24 Aug 2023 05:01:45 +0000');
    expect(message.date_sent).toBeNull();
    expect(message.num_segments).toBe('1');
  });

  it('gives a message with media an MM SID', () => {
    const mms = newMessageResource({ accountSid, to: '+85291234567', from: null, messagingServiceSid: `MG${'b'.repeat(32)}`, body: '', numMedia: 1, direction: 'outbound-api', status: 'accepted', now: new Date() });
    expect(mms.sid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(validateValue(messageSchema, mms, 'message', TWILIO_FORMATS)).toEqual([]);
  });

  it('formats dates as RFC 2822 in UTC', () => {
    expect(rfc2822(new Date('2024-02-29T23:59:59.999Z'))).toBe('Thu, 29 Feb 2024 23:59:59 +0000');
  });
});
