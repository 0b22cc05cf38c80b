import { applyRecordEvent } from './apply-record-event';
import { newMessageResource } from './message-resource';
import type { RecordedMessage } from './recorded-message';

function recorded(): RecordedMessage {
  const message = newMessageResource({
    accountSid: `AC${'a'.repeat(32)}`,
    to: '+85291234567',
    from: '+85230001234',
    messagingServiceSid: null,
    body: 'hello',
    numMedia: 0,
    direction: 'outbound-api',
    status: 'queued',
    now: new Date('2025-01-01T00:00:00Z'),
  });
  return { message, statusCallback: null, plannedFailure: null, webhooks: [], answerLost: false, deleted: false, requestParams: null };
}

describe('applyRecordEvent', () => {
  it('replays a message through its statuses: date_sent when sent, the error code when undelivered', () => {
    const records = new Map<string, RecordedMessage>();
    const record = recorded();
    const sid = record.message.sid as string;
    expect(applyRecordEvent(records, { type: 'recorded', record })).toBe(true);
    applyRecordEvent(records, { type: 'status', sid, status: 'sent', errorCode: null, errorMessage: null, at: '2025-01-01T00:00:01Z' });
    applyRecordEvent(records, { type: 'status', sid, status: 'undelivered', errorCode: 30003, errorMessage: 'Unreachable destination handset', at: '2025-01-01T00:00:02Z' });
    expect(records.get(sid)?.message).toEqual(
      expect.objectContaining({
        status: 'undelivered',
        error_code: 30003,
        error_message: 'Unreachable destination handset',
        date_sent: 'Wed, 01 Jan 2025 00:00:01 +0000',
        date_updated: 'Wed, 01 Jan 2025 00:00:02 +0000',
      }),
    );
  });

  it('redacts, records webhooks and marks deletions', () => {
    const records = new Map<string, RecordedMessage>();
    const record = recorded();
    const sid = record.message.sid as string;
    applyRecordEvent(records, { type: 'recorded', record });
    applyRecordEvent(records, { type: 'webhook', sid, attempt: { status: 'queued', url: 'http://h/cb', at: 'x', httpStatus: 200, error: null } });
    applyRecordEvent(records, { type: 'redacted', sid, at: '2025-01-01T00:00:03Z' });
    applyRecordEvent(records, { type: 'deleted', sid });
    expect(records.get(sid)).toEqual(expect.objectContaining({ deleted: true, webhooks: [expect.objectContaining({ status: 'queued', httpStatus: 200 })] }));
    expect(records.get(sid)?.message.body).toBe('');
  });

  it('ignores changes to a message the record does not hold (cleared meanwhile)', () => {
    expect(applyRecordEvent(new Map(), { type: 'deleted', sid: 'SM0' })).toBe(false);
  });
});
