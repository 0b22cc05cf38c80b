/** The most points one grant may credit: what a number holds exactly (the contract's int64 may say more). */
export const MAX_GRANT_POINTS = Number.MAX_SAFE_INTEGER;

/** Why a grant's points cannot be credited, or undefined when they can (positive, and exact as a number). */
export function checkGrantPoints(points: bigint): string | undefined {
  if (points <= 0n) return 'must be positive';
  if (points > BigInt(MAX_GRANT_POINTS)) return `must be at most ${MAX_GRANT_POINTS}`;
  return undefined;
}
