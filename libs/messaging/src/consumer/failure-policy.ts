import { DomainError, ErrorKind } from '@atrium/errors';
import type { RetryPolicy } from '../messaging-options';
import { isDatabaseUnavailable } from './database-unavailable';

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };

export type FailureDecision =
  | { readonly action: 'retry'; readonly delayMs: number }
  | { readonly action: 'dead-letter'; readonly reason: string; readonly code: string };

/**
 * What to do after a handler failed on its `attempt`-th try (1-based). Errors that say the
 * input itself is wrong can never succeed and go straight to the dead-letter topic; the
 * database away is waited out however long it takes (backoff capped at maxDelayMs); other
 * errors that may pass (a dependency away, or an error we cannot classify) are retried with
 * exponential backoff until the attempts run out.
 */
export function decideAfterFailure(error: unknown, attempt: number, policy: RetryPolicy): FailureDecision {
  const message = error instanceof Error ? error.message : String(error);
  if (isDatabaseUnavailable(error)) return { action: 'retry', delayMs: backoff(attempt, policy) };
  if (error instanceof DomainError) {
    switch (error.kind) {
      case ErrorKind.InvalidInput:
      case ErrorKind.NotFound:
      case ErrorKind.Conflict:
      case ErrorKind.NotAllowed:
      case ErrorKind.Unauthenticated:
        return { action: 'dead-letter', reason: message, code: error.code };
      case ErrorKind.Unavailable:
      case ErrorKind.RateLimited:
      case ErrorKind.UpstreamFailed:
        break;
    }
  }
  if (attempt >= policy.maxAttempts) {
    const code = error instanceof DomainError ? error.code : 'retries-exhausted';
    return { action: 'dead-letter', reason: `gave up after ${attempt} attempts: ${message}`, code };
  }
  return { action: 'retry', delayMs: backoff(attempt, policy) };
}

function backoff(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.initialDelayMs * 2 ** (Math.min(attempt, 30) - 1), policy.maxDelayMs);
}
