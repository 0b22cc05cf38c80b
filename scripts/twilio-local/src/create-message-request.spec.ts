import * as path from 'node:path';
import { readCreateMessageRequest, type CreateMessageRequest } from './create-message-request';
import { TWILIO_FORMATS } from './formats';
import { OpenApiDocument } from './openapi-document';
import { validateForm } from './schema-validator';
import { TwilioApiError } from './twilio-api-error';
import { MESSAGES_PATHS } from './twilio-messages-api';

// The validation is derived from Twilio's own document, so these tests read the copy in the repo.
const document = OpenApiDocument.load(path.join(__dirname, '..', 'openapi', 'twilio_api_v2010.json'), MESSAGES_PATHS);
const createSchema = document.operationById('CreateMessage').formSchema;

function create(entries: Record<string, string | string[]>): CreateMessageRequest {
  if (createSchema === undefined) throw new Error('CreateMessage has no form schema');
  const form = new Map(Object.entries(entries).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]));
  const { issues, params } = validateForm(createSchema, form, TWILIO_FORMATS);
  return readCreateMessageRequest(issues, params);
}

function refusal(entries: Record<string, string | string[]>): { code: number; status: number; message: string } {
  try {
    create(entries);
  } catch (error) {
    if (error instanceof TwilioApiError) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('the request was accepted');
}

const valid = { To: '+85291234567', From: '+85230001234', Body: '會員積分 100' };

describe('CreateMessage requests, validated against the OpenAPI document', () => {
  it('accepts what the SDK sends for an SMS with a status callback', () => {
    expect(create({ ...valid, StatusCallback: 'http://127.0.0.1:8080/api/sms/twilio/status?c=1' })).toEqual({
      to: '+85291234567',
      from: '+85230001234',
      messagingServiceSid: null,
      body: '會員積分 100',
      mediaUrls: [],
      statusCallback: 'http://127.0.0.1:8080/api/sms/twilio/status?c=1',
    });
  });

  it('accepts a Messaging Service instead of From, and typed optional parameters', () => {
    const request = create({
      To: '+85291234567',
      MessagingServiceSid: `MG${'a'.repeat(32)}`,
      Body: 'hi',
      ValidityPeriod: '600',
      ProvideFeedback: 'true',
      MaxPrice: '0.05',
      ContentRetention: 'discard',
    });
    expect(request.messagingServiceSid).toBe(`MG${'a'.repeat(32)}`);
    expect(request.from).toBeNull();
  });

  it.each<[string, Record<string, string | string[]>, number]>([
    ['no To', { From: valid.From, Body: 'x' }, 21604],
    ['a To that is not a phone number', { ...valid, To: '91234567' }, 21211],
    ['a To that is a sender ID', { ...valid, To: 'AtriumMall' }, 21211],
    ['a From that is no sender', { ...valid, From: '+' }, 21212],
    ['neither From nor MessagingServiceSid', { To: valid.To, Body: 'x' }, 21603],
    ['no Body, MediaUrl or ContentSid', { To: valid.To, From: valid.From }, 21602],
    ['a body over 1600 characters', { ...valid, Body: 'x'.repeat(1601) }, 21617],
    ['a StatusCallback that is not an http URL', { ...valid, StatusCallback: 'ftp://host/x' }, 21609],
    ['a StatusCallback host with an underscore', { ...valid, StatusCallback: 'http://my_host/x' }, 21609],
    ['an unknown parameter', { ...valid, Colour: 'red' }, 20001],
    ['an enum value the document does not list', { ...valid, ContentRetention: 'forever' }, 400],
    ['a number that is not one', { ...valid, MaxPrice: 'cheap' }, 400],
    ['a boolean that is not one', { ...valid, ProvideFeedback: 'maybe' }, 400],
    ['a Messaging Service SID of the wrong pattern', { To: valid.To, Body: 'x', MessagingServiceSid: `XX${'a'.repeat(32)}` }, 400],
    ['a repeated To', { ...valid, To: ['+85291234567', '+85291234568'] }, 21211],
    ['scheduling (not simulated)', { ...valid, ScheduleType: 'fixed', SendAt: '2030-01-01T00:00:00Z' }, 400],
  ])('refuses %s with Twilio code %i', (_what, entries, code) => {
    expect(refusal(entries)).toEqual(expect.objectContaining({ code, status: 400 }));
  });

  it("checks To before anything else, as Twilio does (a request missing To gets 21604 whatever else is wrong)", () => {
    expect(refusal({ Colour: 'red', MaxPrice: 'cheap' }).code).toBe(21604);
  });

  it('names every unknown parameter in the message', () => {
    expect(refusal({ ...valid, Colour: 'red', Size: 'xl' }).message).toBe('Unknown parameters: Colour, Size');
  });

  it('names the parameter and the rule of an invalid value', () => {
    expect(refusal({ ...valid, ContentRetention: 'forever' }).message).toBe(
      'Invalid parameter ContentRetention: \'ContentRetention\' must be one of "retain", "discard", got "forever"',
    );
  });
});
