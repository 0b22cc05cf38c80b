import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  PointsRedeemedSchema,
  RedemptionCancelReason,
  RedemptionCancelledSchema,
  RedemptionChannel,
  RewardKind,
  TOPICS,
} from '@atrium/contracts';
import { OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import type { Balances } from '../accounts/account.entity';
import type { RewardKind as Kind } from '../rewards/reward.entity';
import type { CancelReason, Redemption, RedemptionCancellation } from './redemption.entity';

/** The member's balances right after the change an event announces. */
export type BalancesAfter = Pick<Balances, 'available' | 'pending'>;

/** The redemption events, for the member's account outbox: they are written with the ledger entry they announce. */
@Injectable()
export class RedemptionEvents {
  constructor(private readonly outbox: OutboxEntryFactory) {}

  redeemed(redemption: Redemption, after: BalancesAfter): OutboxEntry {
    const { funding } = redemption;
    return this.outbox.create({
      topic: TOPICS.pointsEvents,
      type: 'points.redeemed',
      schema: PointsRedeemedSchema,
      key: redemption.memberId,
      traceId: redemption.id,
      occurredAt: redemption.createdAt,
      payload: {
        redemptionId: redemption.id,
        memberId: redemption.memberId,
        code: redemption.code,
        rewardId: redemption.rewardId,
        rewardName: redemption.rewardName,
        rewardKind: KINDS[redemption.rewardKind],
        quantity: redemption.quantity,
        parkingHours: redemption.parking?.hours ?? 0,
        points: BigInt(redemption.points),
        channel: redemption.channel === 'desk' ? RedemptionChannel.DESK : RedemptionChannel.ONLINE_RESERVATION,
        location: redemption.location ?? '',
        fundingTenantId: funding.by === 'tenant' ? funding.tenantId : '',
        tenantShareBasisPoints: funding.by === 'tenant' ? funding.tenantShareBasisPoints : 0,
        redeemedAt: timestampFromDate(redemption.createdAt),
        ...(redemption.expiresAt ? { reservedUntil: timestampFromDate(redemption.expiresAt) } : {}),
        availableBalance: BigInt(after.available),
        pendingBalance: BigInt(after.pending),
      },
    });
  }

  cancelled(redemption: Redemption, cancellation: RedemptionCancellation, after: BalancesAfter): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.pointsEvents,
      type: 'points.redemption-cancelled',
      schema: RedemptionCancelledSchema,
      key: redemption.memberId,
      traceId: redemption.id,
      occurredAt: cancellation.at,
      payload: {
        redemptionId: redemption.id,
        memberId: redemption.memberId,
        code: redemption.code,
        rewardId: redemption.rewardId,
        points: BigInt(redemption.points),
        reason: REASONS[cancellation.reason],
        cancelledAt: timestampFromDate(cancellation.at),
        availableBalance: BigInt(after.available),
        pendingBalance: BigInt(after.pending),
      },
    });
  }
}

const KINDS: Readonly<Record<Kind, RewardKind>> = { gift: RewardKind.GIFT, voucher: RewardKind.VOUCHER, parking: RewardKind.PARKING };

const REASONS: Readonly<Record<CancelReason, RedemptionCancelReason>> = {
  staff: RedemptionCancelReason.STAFF,
  shopper: RedemptionCancelReason.SHOPPER,
  'reservation-expired': RedemptionCancelReason.RESERVATION_EXPIRED,
};
