import { rfc2822 } from './message-resource';
import type { RecordEvent, RecordedMessage } from './recorded-message';

/**
 * Applies one change to the record: the same function replays messages.jsonl at start and
 * applies live changes, so the record after a restart is the record before it. Returns false
 * for a change to a message the record does not hold (cleared meanwhile): nothing to write.
 */
export function applyRecordEvent(records: Map<string, RecordedMessage>, event: RecordEvent): boolean {
  if (event.type === 'recorded') {
    const sid = event.record.message.sid;
    if (sid === null) return false;
    records.set(sid, event.record);
    return true;
  }
  const record = records.get(event.sid);
  if (record === undefined) return false;
  switch (event.type) {
    case 'status': {
      const at = rfc2822(new Date(event.at));
      record.message.status = event.status;
      record.message.error_code = event.errorCode;
      record.message.error_message = event.errorMessage;
      record.message.date_updated = at;
      if (event.status === 'sent' && record.message.date_sent === null) record.message.date_sent = at;
      return true;
    }
    case 'webhook':
      record.webhooks.push(event.attempt);
      return true;
    case 'redacted':
      record.message.body = '';
      record.message.date_updated = rfc2822(new Date(event.at));
      return true;
    case 'deleted':
      record.deleted = true;
      return true;
  }
}
