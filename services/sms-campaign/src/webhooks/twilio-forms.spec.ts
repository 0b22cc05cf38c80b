import { InvalidInputError } from '@atrium/errors';
import { parseInboundMessage, parseStatusCallback } from './twilio-forms';

const SID = 'SM0123456789abcdef0123456789abcdef';

describe('parseStatusCallback', () => {
  it('reads the SID, the status and an error code', () => {
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: 'AC1' })).toEqual({
      messageSid: SID,
      messageStatus: 'undelivered',
      errorCode: 30003,
    });
    expect(parseStatusCallback({ SmsSid: SID, SmsStatus: 'delivered' })).toEqual({ messageSid: SID, messageStatus: 'delivered' });
  });

  it('refuses a form without a message SID or status, naming the fields', () => {
    let thrown: unknown;
    try {
      parseStatusCallback({ MessageSid: 'not-a-sid', ErrorCode: 'x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).fields.map((problem) => problem.field)).toEqual(['MessageSid', 'MessageStatus', 'ErrorCode']);
  });
});

describe('parseInboundMessage', () => {
  it('reads sender, receiver and body; an empty body is a message too', () => {
    expect(parseInboundMessage({ MessageSid: SID, From: '+85291234567', To: '+85230001234', Body: '退訂', NumMedia: '0' })).toEqual({
      messageSid: SID,
      from: '+85291234567',
      to: '+85230001234',
      body: '退訂',
    });
    expect(parseInboundMessage({ MessageSid: SID, From: '+85291234567', To: '+85230001234' }).body).toBe('');
  });

  it('refuses a form without sender', () => {
    expect(() => parseInboundMessage({ MessageSid: SID, To: '+85230001234', Body: 'STOP' })).toThrow(InvalidInputError);
  });
});
