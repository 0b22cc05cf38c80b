import { setTimeout as sleep } from 'node:timers/promises';

/** An error no amount of waiting repairs (the service exited): waitFor rethrows it at once. */
export class FatalError extends Error {}

/** Polls `probe` until it returns something other than undefined; throws after `timeoutMs`. */
export async function waitFor(what, probe, timeoutMs, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof FatalError) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    await sleep(everyMs);
  }
}

/** Rejects when `promise` has not settled within `ms` (for calls without a timeout of their own). */
export function bounded(what, promise, ms = 60_000) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
