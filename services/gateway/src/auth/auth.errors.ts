import { RateLimitedError, UnauthenticatedError } from '@atrium/errors';

/** One answer for an unknown user, a wrong password and a deactivated account, so none can be told apart. */
export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('auth.invalid-credentials', 'The username or password is wrong.');
  }
}

export class LoginRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('auth.too-many-failures', `Too many failed logins; try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds);
  }
}
