import type { MessageStatus } from './message-resource';
import type { RecordedMessage } from './recorded-message';

/**
 * The statuses an outbound message goes through, each announced by a status callback:
 * queued → sent → delivered; with a planned failure queued → failed (never left Twilio, e.g.
 * 30001 queue overflow) or queued → sent → undelivered (the carrier could not deliver, e.g.
 * 30003). Inbound messages have none.
 */
export function deliverySequence(record: RecordedMessage): MessageStatus[] {
  if (record.message.direction === 'inbound') return [];
  switch (record.plannedFailure?.status) {
    case 'failed':
      return ['queued', 'failed'];
    case 'undelivered':
      return ['queued', 'sent', 'undelivered'];
    case undefined:
      return ['queued', 'sent', 'delivered'];
  }
}

/**
 * What is left to do for a message, e.g. after a restart of the endpoint: every status of its
 * sequence after the one it has, and any status it has reached whose callback was not sent yet.
 */
export function remainingSteps(record: RecordedMessage): MessageStatus[] {
  const sequence = deliverySequence(record);
  const reached = sequence.indexOf(record.message.status);
  const announced = new Set(record.webhooks.map((attempt) => attempt.status));
  return sequence.filter((status, index) => index > reached || (record.statusCallback !== null && !announced.has(status)));
}
