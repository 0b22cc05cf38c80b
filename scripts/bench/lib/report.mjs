/** Printing a benchmark's progress and numbers. */
export const now = () => performance.now();
export const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
export const fmtS = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** A progress line with the wall-clock time (UTC). */
export function log(message) {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
