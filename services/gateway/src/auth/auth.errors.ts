import { NotAllowedError } from '@atrium/errors';
import { EdgeFailure, type EdgeFailureMarker } from '../http/edge-failure';

/** One answer for an unknown user, a wrong password and a deactivated account, so none can be told apart. */
export class InvalidCredentialsError extends NotAllowedError implements EdgeFailureMarker {
  readonly edgeFailure = EdgeFailure.Unauthenticated;

  constructor() {
    super('auth.invalid-credentials', 'The username or password is wrong.');
  }
}

export class LoginRateLimitedError extends NotAllowedError implements EdgeFailureMarker {
  readonly edgeFailure = EdgeFailure.RateLimited;

  constructor(readonly retryAfterSeconds: number) {
    super('auth.too-many-failures', `Too many failed logins; try again in ${retryAfterSeconds} seconds.`, [], { retryAfterSeconds });
  }
}
