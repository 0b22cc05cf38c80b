import type { RecipientStatus } from './campaign-delivery';
import { isProgress, statusFromTwilio } from './recipient-status';

describe('isProgress', () => {
  it.each<[RecipientStatus, RecipientStatus, boolean]>([
    ['pending', 'sending', true],
    ['sending', 'queued', true],
    ['queued', 'sent', true],
    ['sent', 'delivered', true],
    ['queued', 'delivered', true],
    ['sent', 'undelivered', true],
    ['queued', 'failed', true],
    // Late or repeated callbacks change nothing.
    ['delivered', 'sent', false],
    ['delivered', 'queued', false],
    ['delivered', 'delivered', false],
    ['undelivered', 'delivered', false],
    ['failed', 'delivered', false],
    ['sent', 'sent', false],
    // A message Twilio reports on was sent, whatever a racing cancel wrote.
    ['cancelled', 'queued', true],
    ['excluded', 'sent', true],
    ['sending', 'pending', false],
  ])('%s → %s: %s', (current, next, expected) => {
    expect(isProgress(current, next)).toBe(expected);
  });
});

describe('statusFromTwilio', () => {
  it.each<[string, RecipientStatus | undefined]>([
    ['accepted', 'queued'],
    ['queued', 'queued'],
    ['sending', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['received', undefined],
    ['nonsense', undefined],
  ])('%s → %s', (twilio, expected) => {
    expect(statusFromTwilio(twilio)).toBe(expected);
  });
});
