/**
 * What kind of failure a domain error is. Transports map kinds, never individual errors:
 * HTTP to a status code, Kafka consumers to retry or dead letter, jobs to retry or give up.
 */
export enum ErrorKind {
  /** The input breaks a rule; trying again with the same input fails again. */
  InvalidInput = 'invalid-input',
  /** A thing the request refers to does not exist. */
  NotFound = 'not-found',
  /** The request contradicts the current state (duplicate, wrong state). */
  Conflict = 'conflict',
  /** The caller may not do this. */
  NotAllowed = 'not-allowed',
  /** A dependency failed for now; the same request may succeed later. */
  Unavailable = 'unavailable',
  /** The caller did not prove who they are (no, expired or revoked credentials). */
  Unauthenticated = 'unauthenticated',
  /** Too many attempts for now; `details.retryAfterSeconds` says when to try again. */
  RateLimited = 'rate-limited',
  /** A service behind this one did not answer (the gateway's upstreams). */
  UpstreamFailed = 'upstream-failed',
}

/** One field at fault, named as the client sent it (dotted path for nested fields). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Base of every domain error. `code` is stable and machine-readable (e.g. "member.phone-taken");
 * the message is for people.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule, naming the fields at fault. */
export class InvalidInputError extends DomainError {
  readonly kind = ErrorKind.InvalidInput;
}

export class NotFoundError extends DomainError {
  readonly kind = ErrorKind.NotFound;
}

export class ConflictError extends DomainError {
  readonly kind = ErrorKind.Conflict;
}

export class NotAllowedError extends DomainError {
  readonly kind = ErrorKind.NotAllowed;
}

export class UnavailableError extends DomainError {
  readonly kind = ErrorKind.Unavailable;
}

export class UnauthenticatedError extends DomainError {
  readonly kind = ErrorKind.Unauthenticated;
}

/** Too many attempts; the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly kind = ErrorKind.RateLimited;

  constructor(code: string, message: string, readonly retryAfterSeconds: number) {
    super(code, message, [], { retryAfterSeconds });
  }
}

export class UpstreamFailedError extends DomainError {
  readonly kind = ErrorKind.UpstreamFailed;
}
