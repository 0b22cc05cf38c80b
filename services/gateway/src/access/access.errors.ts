import { NotAllowedError } from '@atrium/errors';
import { EdgeFailure, type EdgeFailureMarker } from '../http/edge-failure';

/** A staff route was called without a usable access token. */
export class AuthenticationRequiredError extends NotAllowedError implements EdgeFailureMarker {
  readonly edgeFailure = EdgeFailure.Unauthenticated;

  constructor(code: 'auth.token-missing' | 'auth.token-invalid' | 'auth.session-ended', message: string) {
    super(code, message);
  }
}

/** The caller is signed in, but none of their roles may call this route. */
export class RoleNotAllowedError extends NotAllowedError {
  constructor(method: string, path: string) {
    super('auth.role-not-allowed', `Your roles do not allow ${method} ${path}.`, [], { method, path });
  }
}
