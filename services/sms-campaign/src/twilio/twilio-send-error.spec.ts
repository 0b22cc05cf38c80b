import { RestException } from 'twilio';
import { classifySendError } from './twilio-send-error';

/** A RestException as the SDK builds it from Twilio's error answer. */
const rest = (statusCode: number, code?: number): RestException =>
  new RestException({ statusCode, body: code === undefined ? {} : { code, message: `error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status: statusCode } });

describe('classifySendError', () => {
  it.each([
    ['21610 unsubscribed recipient', rest(400, 21610), { kind: 'unsubscribed', code: 21610 }],
    ["21211 invalid 'To'", rest(400, 21211), { kind: 'invalid-number', code: 21211 }],
    ['21614 not a mobile number', rest(400, 21614), { kind: 'invalid-number', code: 21614 }],
    ['20429 too many requests', rest(429, 20429), { kind: 'retry-later', code: 20429, status: 429 }],
    ['30001 queue overflow at the API', rest(429, 30001), { kind: 'retry-later', code: 30001, status: 429 }],
    ["21611 the sender's queue is full", rest(400, 21611), { kind: 'retry-later', code: 21611, status: 400 }],
    ['a 429 without a code', rest(429), { kind: 'retry-later', code: undefined, status: 429 }],
    ['20500 internal error: maybe created', rest(500, 20500), { kind: 'unknown-outcome', reason: 'HTTP 500 (20500)' }],
    ['a 503 without a code', rest(503), { kind: 'unknown-outcome', reason: 'HTTP 503' }],
    ['21408 region not enabled', rest(400, 21408), { kind: 'refused', code: 21408, status: 400 }],
    ['21617 body too long', rest(400, 21617), { kind: 'refused', code: 21617, status: 400 }],
    ['20003 bad credentials', rest(401, 20003), { kind: 'refused', code: 20003, status: 401 }],
  ])('%s', (_case, error, expected) => {
    expect(classifySendError(error)).toEqual(expected);
  });

  it('reads a connection lost before any answer as an unknown outcome', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifySendError(reset)).toEqual({ kind: 'unknown-outcome', reason: 'ECONNRESET' });
    expect(classifySendError(new Error('timeout of 15000ms exceeded'))).toEqual({ kind: 'unknown-outcome', reason: 'timeout of 15000ms exceeded' });
    expect(classifySendError(undefined)).toEqual({ kind: 'unknown-outcome', reason: 'no answer' });
  });
});
