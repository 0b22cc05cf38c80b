/** Failed logins counted for one username or one client address in the current window. */
export interface FailureCount {
  readonly failures: number;
  /** Seconds until the window ends and the count starts again; 0 or less when unknown. */
  readonly secondsLeft: number;
}

export interface LoginLimits {
  readonly maxFailuresPerUser: number;
  readonly maxFailuresPerAddress: number;
  readonly windowSeconds: number;
}

export type LoginVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly scope: 'user' | 'address'; readonly retryAfterSeconds: number };

/**
 * Whether a login may even be tried: refused once the username or the client address has used
 * up its failures for the window. Password guessing against one account and spraying many
 * accounts from one address are both stopped; the wait is the longer of the exceeded windows.
 */
export function decideLoginAttempt(user: FailureCount, address: FailureCount, limits: LoginLimits): LoginVerdict {
  const exceeded: { scope: 'user' | 'address'; wait: number }[] = [];
  if (user.failures >= limits.maxFailuresPerUser) exceeded.push({ scope: 'user', wait: waitOf(user, limits) });
  if (address.failures >= limits.maxFailuresPerAddress) exceeded.push({ scope: 'address', wait: waitOf(address, limits) });
  if (exceeded.length === 0) return { allowed: true };
  const longest = exceeded.reduce((a, b) => (b.wait > a.wait ? b : a));
  return { allowed: false, scope: longest.scope, retryAfterSeconds: longest.wait };
}

function waitOf(count: FailureCount, limits: LoginLimits): number {
  // A counter without a known expiry is treated as a fresh window rather than forever.
  const seconds = count.secondsLeft > 0 ? count.secondsLeft : limits.windowSeconds;
  return Math.max(1, Math.ceil(seconds));
}
