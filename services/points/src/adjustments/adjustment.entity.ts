import type { Balances } from '../accounts/account.entity';

/**
 * A supervisor's change of a member's available points, and its audit record: who, when, why,
 * and the balances just before and just after.
 */
export interface Adjustment {
  readonly id: string;
  readonly memberId: string;
  /** Signed, never 0: added to (or taken from) the available points. */
  readonly points: number;
  readonly reason: string;
  /** What it refers to (a complaint, a case number), when given. */
  readonly reference?: string;
  /** The supervisor's username, as the gateway forwarded it. */
  readonly staffId: string;
  readonly at: Date;
  readonly before: Balances;
  readonly after: Balances;
  /** Its ledger entry (`adjust:<id>`), which the member's statement shows. */
  readonly entryId: string;
}
