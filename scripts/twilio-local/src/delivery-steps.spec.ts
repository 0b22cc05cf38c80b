import { remainingSteps } from './delivery-steps';
import { newMessageResource, type MessageStatus } from './message-resource';
import type { PlannedFailure, RecordedMessage, WebhookAttempt } from './recorded-message';

function record(status: MessageStatus, options: { callback?: boolean; failure?: PlannedFailure; announced?: MessageStatus[]; inbound?: boolean } = {}): RecordedMessage {
  const message = newMessageResource({
    accountSid: `AC${'a'.repeat(32)}`,
    to: '+85291234567',
    from: '+85230001234',
    messagingServiceSid: null,
    body: 'x',
    numMedia: 0,
    direction: options.inbound ? 'inbound' : 'outbound-api',
    status,
    now: new Date(),
  });
  const webhooks: WebhookAttempt[] = (options.announced ?? []).map((s) => ({ status: s, url: 'http://h/cb', at: '', httpStatus: 200, error: null }));
  return {
    message,
    statusCallback: options.callback === false ? null : 'http://h/cb',
    plannedFailure: options.failure ?? null,
    webhooks,
    answerLost: false,
    deleted: false,
    requestParams: null,
  };
}

describe('remainingSteps', () => {
  it('takes a new message queued → sent → delivered, announcing queued too', () => {
    expect(remainingSteps(record('queued'))).toEqual(['queued', 'sent', 'delivered']);
  });

  it('starts a message accepted through a Messaging Service at queued', () => {
    expect(remainingSteps(record('accepted'))).toEqual(['queued', 'sent', 'delivered']);
  });

  it('ends a message told to fail at delivery failed (never sent) or undelivered (after sent)', () => {
    expect(remainingSteps(record('queued', { failure: { code: 30001, status: 'failed' } }))).toEqual(['queued', 'failed']);
    expect(remainingSteps(record('queued', { failure: { code: 30003, status: 'undelivered' } }))).toEqual(['queued', 'sent', 'undelivered']);
  });

  it('resumes after a restart where it stopped, re-announcing a status reached but not announced', () => {
    expect(remainingSteps(record('sent', { announced: ['queued', 'sent'] }))).toEqual(['delivered']);
    expect(remainingSteps(record('sent', { announced: ['queued'] }))).toEqual(['sent', 'delivered']);
    expect(remainingSteps(record('delivered', { announced: ['queued', 'sent', 'delivered'] }))).toEqual([]);
  });

  it('without a StatusCallback only changes the status', () => {
    expect(remainingSteps(record('queued', { callback: false }))).toEqual(['sent', 'delivered']);
    expect(remainingSteps(record('delivered', { callback: false }))).toEqual([]);
  });

  it('has nothing to do for an inbound message', () => {
    expect(remainingSteps(record('received', { inbound: true }))).toEqual([]);
  });
});
