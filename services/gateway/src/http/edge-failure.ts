import { DomainError } from '@atrium/errors';

/**
 * Failures only the HTTP edge has, for which @atrium/errors has no kind yet. Each edge error
 * still carries the nearest lib kind (so any other transport maps it sensibly); the gateway's
 * problem filter answers with the status below instead. To go once the lib has
 * `ErrorKind.Unauthenticated`, `ErrorKind.RateLimited` and `ErrorKind.BadGateway`.
 */
export enum EdgeFailure {
  /** No valid credentials: 401. */
  Unauthenticated = 'unauthenticated',
  /** Too many attempts for now: 429 with Retry-After. */
  RateLimited = 'rate-limited',
  /** A service behind the gateway did not answer: 502. */
  BadGateway = 'bad-gateway',
}

export interface EdgeFailureMarker {
  readonly edgeFailure: EdgeFailure;
  /** Whole seconds after which the same request may succeed (sent as Retry-After). */
  readonly retryAfterSeconds?: number;
}

export function isEdgeError(error: unknown): error is DomainError & EdgeFailureMarker {
  return error instanceof DomainError && Object.values(EdgeFailure).includes((error as Partial<EdgeFailureMarker>).edgeFailure as EdgeFailure);
}

export function statusOfEdgeFailure(failure: EdgeFailure): number {
  switch (failure) {
    case EdgeFailure.Unauthenticated:
      return 401;
    case EdgeFailure.RateLimited:
      return 429;
    case EdgeFailure.BadGateway:
      return 502;
  }
}
