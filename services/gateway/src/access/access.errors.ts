import { NotAllowedError, UnauthenticatedError } from '@atrium/errors';

/** A staff route was called without a usable access token. */
export class AuthenticationRequiredError extends UnauthenticatedError {
  constructor(code: 'auth.token-missing' | 'auth.token-invalid' | 'auth.session-ended' | 'auth.token-revoked', message: string) {
    super(code, message);
  }
}

/** The caller is signed in, but none of their roles may call this route. */
export class RoleNotAllowedError extends NotAllowedError {
  constructor(method: string, path: string) {
    super('auth.role-not-allowed', `Your roles do not allow ${method} ${path}.`, [], { method, path });
  }
}
