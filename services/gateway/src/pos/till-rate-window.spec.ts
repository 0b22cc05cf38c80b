import { decideTillRequest } from './till-rate-window';

describe('decideTillRequest', () => {
  it('allows requests up to the limit, the last one included', () => {
    expect(decideTillRequest({ requests: 1, secondsLeft: 60 }, 10, 60)).toEqual({ allowed: true });
    expect(decideTillRequest({ requests: 10, secondsLeft: 5 }, 10, 60)).toEqual({ allowed: true });
  });

  it('refuses the request over the limit until the window ends, rounded up', () => {
    expect(decideTillRequest({ requests: 11, secondsLeft: 12.2 }, 10, 60)).toEqual({ allowed: false, retryAfterSeconds: 13 });
  });

  it('waits a whole window when the expiry is unknown, and never less than a second', () => {
    expect(decideTillRequest({ requests: 11, secondsLeft: 0 }, 10, 60)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(decideTillRequest({ requests: 11, secondsLeft: 0.001 }, 10, 60)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
