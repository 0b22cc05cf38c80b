/** The ledger entries of a redemption, pure: taking the points, and giving them back. */
import { redemptionCancelEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';
import type { Funding } from '../rewards/reward.entity';
import type { Redemption, RedemptionCancellation } from './redemption.entity';

/** `redeem:<id>`: available points down, redeemed up, by the redemption's points. */
export function redemptionEntryOf(redemption: Redemption): LedgerEntry {
  return {
    id: redemption.entryId,
    memberId: redemption.memberId,
    kind: 'redemption',
    deltas: { available: -redemption.points, redeemed: redemption.points },
    cause: {
      type: 'redemption',
      redemptionId: redemption.id,
      code: redemption.code,
      rewardId: redemption.rewardId,
      rewardName: redemption.rewardName,
      rewardKind: redemption.rewardKind,
      quantity: redemption.quantity,
      ...(redemption.parking ? { parkingHours: redemption.parking.hours } : {}),
      ...(redemption.location ? { location: redemption.location } : {}),
      channel: redemption.channel,
      ...(redemption.staffId ? { staffId: redemption.staffId } : {}),
      funding: fundingOf(redemption.funding),
    },
    occurredAt: redemption.createdAt,
    recordedAt: redemption.createdAt,
  };
}

/** `redeem-cancel:<id>`: the exact reverse of the redemption's entry, with who and why. */
export function cancellationEntryOf(redemption: Redemption, cancellation: RedemptionCancellation): LedgerEntry {
  return {
    id: redemptionCancelEntryId(redemption.id),
    memberId: redemption.memberId,
    kind: 'redemption-cancel',
    deltas: { available: redemption.points, redeemed: -redemption.points },
    cause: {
      type: 'redemption-cancel',
      redemptionId: redemption.id,
      code: redemption.code,
      rewardId: redemption.rewardId,
      reason: cancellation.reason,
      ...(cancellation.staffId ? { staffId: cancellation.staffId } : {}),
    },
    occurredAt: cancellation.at,
    recordedAt: cancellation.at,
  };
}

function fundingOf(funding: Funding): { by: 'centre' | 'tenant'; tenantId?: string; tenantShareBasisPoints: number } {
  return funding.by === 'tenant' ? { by: 'tenant', tenantId: funding.tenantId, tenantShareBasisPoints: funding.tenantShareBasisPoints } : { by: 'centre', tenantShareBasisPoints: 0 };
}
