import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type PointsEarned, type PointsExpired, type PointsRedeemed, type PointsRefunded, type RedemptionCancelled } from '@atrium/contracts';
import { ConsumeEvent, ConsumeEventBatch, type BatchOutcome, type ConsumedEvent } from '@atrium/messaging';
import { earnedChange, expiredChange, redeemedChange, redemptionCancelledChange, refundedChange } from './member-event-changes';
import type { MemberProfile } from './member-profile.entity';
import type { PointsChange } from './member-projection';
import { MemberProfilesRepository } from './member-profiles.repository';
import { PointsEarnedFollowers } from './points-earned-followers';

/**
 * Spend, last purchase and points balance from the points service's events. Earnings and
 * refunds come in batches (the purchase feed is heavy): one read and one bulk write per batch,
 * each event applied once per member. The earnings the projection accepted then go to the
 * features that follow them (PointsEarnedFollowers). Redemptions, their cancellations and
 * expiries change only the balance, one event at a time.
 */
@Controller()
export class PointsEventsConsumer {
  constructor(
    private readonly profiles: MemberProfilesRepository,
    private readonly earnedFollowers: PointsEarnedFollowers,
  ) {}

  @ConsumeEventBatch(TOPICS.pointsEvents, 'points.earned')
  async onEarned(@Payload() events: ConsumedEvent<PointsEarned>[]): Promise<BatchOutcome> {
    const { outcome, profiles } = await this.apply(events, earnedChange);
    const rejected = new Set(outcome.rejected.map((rejection) => rejection.eventId));
    await this.earnedFollowers.notify(
      events.filter((event) => !rejected.has(event.eventId)),
      profiles,
    );
    return outcome;
  }

  @ConsumeEventBatch(TOPICS.pointsEvents, 'points.refunded')
  async onRefunded(@Payload() events: ConsumedEvent<PointsRefunded>[]): Promise<BatchOutcome> {
    return (await this.apply(events, refundedChange)).outcome;
  }

  @ConsumeEvent(TOPICS.pointsEvents, 'points.redeemed')
  async onRedeemed(@Payload() event: ConsumedEvent<PointsRedeemed>): Promise<void> {
    await this.applyOne(event.payload.memberId, redeemedChange(event));
  }

  @ConsumeEvent(TOPICS.pointsEvents, 'points.redemption-cancelled')
  async onRedemptionCancelled(@Payload() event: ConsumedEvent<RedemptionCancelled>): Promise<void> {
    await this.applyOne(event.payload.memberId, redemptionCancelledChange(event));
  }

  @ConsumeEvent(TOPICS.pointsEvents, 'points.expired')
  async onExpired(@Payload() event: ConsumedEvent<PointsExpired>): Promise<void> {
    await this.applyOne(event.payload.memberId, expiredChange(event));
  }

  private async applyOne(memberId: string, change: PointsChange): Promise<void> {
    await this.profiles.applyPointsChanges(new Map([[memberId, [change]]]));
  }

  private async apply<P extends { memberId: string }>(
    events: ConsumedEvent<P>[],
    change: (event: ConsumedEvent<P>) => PointsChange,
  ): Promise<{ outcome: BatchOutcome; profiles: Map<string, MemberProfile> }> {
    const rejected: { eventId: string; error: Error }[] = [];
    const byMember = new Map<string, PointsChange[]>();
    for (const event of events) {
      try {
        const changes = byMember.get(event.payload.memberId) ?? [];
        changes.push(change(event));
        byMember.set(event.payload.memberId, changes);
      } catch (error) {
        rejected.push({ eventId: event.eventId, error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    const profiles = await this.profiles.applyPointsChanges(byMember);
    return { outcome: { rejected }, profiles };
  }
}
