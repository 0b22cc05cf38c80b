import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PointsEarnedSchema, PointsRefundedSchema, TOPICS } from '@atrium/contracts';
import type { OutboxEntry, OutboxEntryFactory } from '@atrium/messaging';
import type { LedgerEntry } from './ledger-entry.entity';

/**
 * The event that announces a ledger entry to other services, for the account's outbox; none
 * for a staff adjustment. A sale earns `points.earned` whether the tenant's feed or a
 * submitted receipt reported it: both are qualifying spend for the member's tier. The tenant's
 * name, where the caller knows it, is for the member's earned-points SMS.
 */
export function ledgerEventOf(outbox: OutboxEntryFactory, entry: LedgerEntry, tenantName?: string): OutboxEntry | undefined {
  const { cause } = entry;
  switch (cause.type) {
    case 'purchase':
    case 'receipt':
      return outbox.create({
        topic: TOPICS.pointsEvents,
        type: 'points.earned',
        schema: PointsEarnedSchema,
        key: entry.memberId,
        traceId: cause.type === 'purchase' ? cause.sourceEventId : (cause.feedEventId ?? cause.receiptId),
        payload: {
          memberId: entry.memberId,
          tenantId: cause.tenantId,
          receiptNumber: cause.receiptNumber,
          amountMinor: BigInt(cause.amountMinor),
          currency: cause.currency,
          points: BigInt(entry.deltas.lifetimeEarned ?? 0),
          purchasedAt: timestampFromDate(entry.occurredAt),
          ...(tenantName ? { tenantName } : {}),
        },
      });
    case 'refund':
      return outbox.create({
        topic: TOPICS.pointsEvents,
        type: 'points.refunded',
        schema: PointsRefundedSchema,
        key: entry.memberId,
        traceId: cause.sourceEventId,
        payload: {
          memberId: entry.memberId,
          tenantId: cause.tenantId,
          receiptNumber: cause.receiptNumber,
          refundNumber: cause.refundNumber,
          amountMinor: BigInt(cause.amountMinor),
          currency: cause.currency,
          points: BigInt(-(entry.deltas.lifetimeEarned ?? 0)),
          refundedAt: timestampFromDate(entry.occurredAt),
        },
      });
    case 'adjustment':
      // Not spend, so nothing for tiers; no other service acts on it yet (see README).
      return undefined;
    case 'redemption':
    case 'redemption-cancel':
      // Announced by the redemptions feature (redemptions/redemption-events.ts), which posts them itself.
      return undefined;
    case 'maturity':
      // Points the member already knew of as pending; the next earning or refund event carries the balances.
      return undefined;
    case 'merge-out':
    case 'merge-in':
      // The member service announced the merge; no other service keeps points.
      return undefined;
    case 'expiry':
      // Announced by the daily settlement (expiry/expiry-events.ts), which posts it itself.
      return undefined;
  }
}
