export interface RateWindowCount {
  /** Requests counted for the key in the current window, this one included. */
  readonly requests: number;
  /** Seconds until the window ends; 0 or less when the counter has no known expiry. */
  readonly secondsLeft: number;
}

export type RateVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A fixed window per API key: the request over the limit waits for the window to end. */
export function decideTillRequest(count: RateWindowCount, maxRequests: number, windowSeconds: number): RateVerdict {
  if (count.requests <= maxRequests) return { allowed: true };
  // A counter without a known expiry is treated as a fresh window rather than forever.
  const seconds = count.secondsLeft > 0 ? count.secondsLeft : windowSeconds;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
}
