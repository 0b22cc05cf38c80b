import { InvalidInputError, NotFoundError, UnavailableError } from '@atrium/errors';
import { decideAfterFailure } from './failure-policy';

const policy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 300 };

describe('decideAfterFailure', () => {
  it.each([
    ['invalid input', new InvalidInputError('x.invalid', 'bad amount')],
    ['a missing reference', new NotFoundError('x.unknown-card', 'unknown card')],
  ])('dead-letters %s at once with its code', (_case, error) => {
    expect(decideAfterFailure(error, 1, policy)).toEqual({ action: 'dead-letter', reason: error.message, code: error.code });
  });

  it('retries transient and unknown errors with capped exponential backoff', () => {
    const transient = new UnavailableError('db.down', 'database away');
    expect([1, 2, 3].map((attempt) => decideAfterFailure(transient, attempt, policy))).toEqual([
      { action: 'retry', delayMs: 100 },
      { action: 'retry', delayMs: 200 },
      { action: 'retry', delayMs: 300 },
    ]);
    expect(decideAfterFailure(new Error('socket hang up'), 1, policy)).toEqual({ action: 'retry', delayMs: 100 });
  });

  it('dead-letters once the attempts run out, saying so', () => {
    expect(decideAfterFailure(new Error('socket hang up'), 4, policy)).toEqual({
      action: 'dead-letter',
      reason: 'gave up after 4 attempts: socket hang up',
      code: 'retries-exhausted',
    });
  });
});
