import { MongoNetworkError, MongoNetworkTimeoutError, MongoServerSelectionError } from 'mongodb';
import { Error as MongooseError } from 'mongoose';
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

  it.each([
    ['a refused or reset connection', new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017')],
    ['a socket timeout', new MongoNetworkTimeoutError('connection timed out')],
    ['no server to select', new MongoServerSelectionError('Server selection timed out after 10000 ms', { type: 'Unknown', servers: new Map() } as never)],
    ["mongoose's buffer timing out while it reconnects", new MongooseError('Operation `ledgerentries.insertMany()` buffering timed out after 10000ms')],
    ['a database error wrapped in another', new Error('could not post the batch', { cause: new MongoNetworkError('socket hang up') })],
  ])('waits out the database being away (%s) for as long as it lasts, never dead-letters', (_case, error) => {
    expect(decideAfterFailure(error, 1, policy)).toEqual({ action: 'retry', delayMs: 100 });
    expect(decideAfterFailure(error, 4, policy)).toEqual({ action: 'retry', delayMs: 300 });
    expect(decideAfterFailure(error, 10_000, policy)).toEqual({ action: 'retry', delayMs: 300 });
  });

  it('still gives up on other mongoose errors once the attempts run out', () => {
    expect(decideAfterFailure(new MongooseError('Cast to ObjectId failed'), 4, policy)).toMatchObject({ action: 'dead-letter', code: 'retries-exhausted' });
  });
});
