import { decideLoginAttempt, type LoginLimits } from './login-rate-limit';

const limits: LoginLimits = { maxFailuresPerUser: 10, maxFailuresPerAddress: 30, windowSeconds: 900 };
const none = { failures: 0, secondsLeft: 0 };

describe('decideLoginAttempt', () => {
  it('allows attempts while both counts are under their limits', () => {
    expect(decideLoginAttempt(none, none, limits)).toEqual({ allowed: true });
    expect(decideLoginAttempt({ failures: 9, secondsLeft: 100 }, { failures: 29, secondsLeft: 100 }, limits)).toEqual({ allowed: true });
  });

  it('refuses a username that used up its failures, for the rest of its window', () => {
    expect(decideLoginAttempt({ failures: 10, secondsLeft: 312.4 }, none, limits)).toEqual({
      allowed: false,
      scope: 'user',
      retryAfterSeconds: 313,
    });
  });

  it('refuses an address that used up its failures', () => {
    expect(decideLoginAttempt({ failures: 2, secondsLeft: 800 }, { failures: 30, secondsLeft: 45 }, limits)).toEqual({
      allowed: false,
      scope: 'address',
      retryAfterSeconds: 45,
    });
  });

  it('asks to wait for the longer window when both are used up', () => {
    expect(decideLoginAttempt({ failures: 11, secondsLeft: 20 }, { failures: 31, secondsLeft: 600 }, limits)).toMatchObject({
      scope: 'address',
      retryAfterSeconds: 600,
    });
  });

  it('takes a whole window when the expiry is unknown, and never less than a second', () => {
    expect(decideLoginAttempt({ failures: 10, secondsLeft: 0 }, none, limits)).toMatchObject({ retryAfterSeconds: 900 });
    expect(decideLoginAttempt({ failures: 10, secondsLeft: 0.001 }, none, limits)).toMatchObject({ retryAfterSeconds: 1 });
  });
});
