import { ErrorKind } from '@atrium/errors';

/** The HTTP status for each kind of domain error; one switch, so a new kind cannot be forgotten. */
export function statusOfKind(kind: ErrorKind): number {
  switch (kind) {
    case ErrorKind.InvalidInput:
      return 400;
    case ErrorKind.NotFound:
      return 404;
    case ErrorKind.Conflict:
      return 409;
    case ErrorKind.NotAllowed:
      return 403;
    case ErrorKind.Unavailable:
      return 503;
    case ErrorKind.Unauthenticated:
      return 401;
    case ErrorKind.RateLimited:
      return 429;
    case ErrorKind.UpstreamFailed:
      return 502;
  }
}
