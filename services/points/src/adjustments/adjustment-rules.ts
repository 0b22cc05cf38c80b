/**
 * The rules of a staff adjustment, pure. Adjustments move available points only: they are
 * neither spend nor earnings, so lifetime earned and the tiers' qualifying spend stay as they are.
 */
import { BALANCE_FIELDS, type Balances, type BalanceField } from '../accounts/account.entity';

/** Roles that may adjust points; the gateway's route table says the same (SUPERVISORS). */
export const ADJUSTING_ROLES: readonly string[] = ['supervisor', 'admin'];

export type AdjustmentRefusal =
  | { readonly code: 'adjustment.points-too-large'; readonly limit: number }
  | { readonly code: 'adjustment.exceeds-available'; readonly available: number };

export function deltasOf(points: number): Partial<Record<BalanceField, number>> {
  return { available: points };
}

/**
 * Why the adjustment may not be made, or undefined. A debit may not take available points
 * below zero (pending points are not the member's to lose yet, and a debt is only for refunds):
 * staff take what is there, or less.
 */
export function checkAdjustment(points: number, available: number, maxPoints: number): AdjustmentRefusal | undefined {
  if (Math.abs(points) > maxPoints) return { code: 'adjustment.points-too-large', limit: maxPoints };
  if (points < 0 && available + points < 0) return { code: 'adjustment.exceeds-available', available };
  return undefined;
}

/** The balances after adding deltas. */
export function applyDeltas(before: Balances, deltas: Partial<Record<BalanceField, number>>): Balances {
  const after = { ...before };
  for (const field of BALANCE_FIELDS) after[field] = before[field] + (deltas[field] ?? 0);
  return after;
}
