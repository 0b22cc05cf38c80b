import { openingEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';
import type { OpeningGrant } from './opening-grant.entity';

/**
 * The ledger entry of a grant: its points straight to available (the earlier system had settled
 * them: no return window), dated at the grant, so they expire as points earned that day would.
 * Lifetime earned and qualifying spend are this centre's earnings and do not move.
 */
export function openingEntryOf(grant: OpeningGrant, recordedAt: Date): LedgerEntry {
  return {
    id: openingEntryId(grant.grantId),
    memberId: grant.memberId,
    kind: 'opening',
    deltas: { available: grant.points },
    cause: { type: 'opening', grantId: grant.grantId, importId: grant.importId, grantedAt: grant.grantedAt },
    occurredAt: grant.grantedAt,
    recordedAt,
  };
}
