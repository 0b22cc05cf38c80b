import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type PointsEarned, type PointsRefunded } from '@atrium/contracts';
import { ConsumeEventBatch, type BatchOutcome, type ConsumedEvent } from '@atrium/messaging';
import { earnedChange, refundedChange } from './member-event-changes';
import type { PointsChange } from './member-projection';
import { MemberProfilesRepository } from './member-profiles.repository';

/**
 * Spend and last purchase from the points service's events, in batches (the purchase feed is
 * heavy): one read and one bulk write per batch, each event applied once per member.
 */
@Controller()
export class PointsEventsConsumer {
  constructor(private readonly profiles: MemberProfilesRepository) {}

  @ConsumeEventBatch(TOPICS.pointsEvents, 'points.earned')
  async onEarned(@Payload() events: ConsumedEvent<PointsEarned>[]): Promise<BatchOutcome> {
    return this.apply(events, (event) => earnedChange(event.eventId, event.payload));
  }

  @ConsumeEventBatch(TOPICS.pointsEvents, 'points.refunded')
  async onRefunded(@Payload() events: ConsumedEvent<PointsRefunded>[]): Promise<BatchOutcome> {
    return this.apply(events, (event) => refundedChange(event.eventId, event.payload));
  }

  private async apply<P extends { memberId: string }>(events: ConsumedEvent<P>[], change: (event: ConsumedEvent<P>) => PointsChange): Promise<BatchOutcome> {
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
    await this.profiles.applyPointsChanges(byMember);
    return { rejected };
  }
}
