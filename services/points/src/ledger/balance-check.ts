import { BALANCE_FIELDS, ZERO_BALANCES, type Balances, type BalanceField } from '../accounts/account.entity';
import type { LedgerEntry } from './ledger-entry.entity';

export interface BalanceMismatch {
  readonly memberId: string;
  readonly stored: Balances;
  readonly fromEntries: Balances;
}

/** Adds an entry's deltas into running totals per member. Pure, for the balance check. */
export function addEntry(totals: Map<string, Record<BalanceField, number>>, entry: LedgerEntry): void {
  const sums = totals.get(entry.memberId) ?? { ...ZERO_BALANCES };
  for (const field of BALANCE_FIELDS) sums[field] += entry.deltas[field] ?? 0;
  totals.set(entry.memberId, sums);
}

export function differs(stored: Balances, fromEntries: Balances): boolean {
  return BALANCE_FIELDS.some((field) => stored[field] !== fromEntries[field]);
}
