import { Injectable } from '@nestjs/common';
import type { PointsEarned } from '@atrium/contracts';
import type { ConsumedEvent } from '@atrium/messaging';
import type { MemberProfile } from './member-profile.entity';

/** A feature of this service that acts on `points.earned` too (the earned-points SMS). */
export interface PointsEarnedFollower {
  /**
   * The events of one consumed batch that the projection accepted, with the profiles of their
   * members as they stand after it (a member the projection has no registration for is not in
   * it). Throwing retries the whole batch: what a follower does must be idempotent per event.
   */
  followEarned(events: readonly ConsumedEvent<PointsEarned>[], profiles: ReadonlyMap<string, MemberProfile>): Promise<void>;
}

/**
 * Who else follows `points.earned` in this service. The consumer runner routes an event type to
 * one handler per service; a second `@ConsumeEventBatch` of the same type would be chained by
 * NestJS, which merges the handlers' answers and so loses the projection's rejected events. So
 * the projection's batch consumer stays the only handler and hands its events on, in order, to
 * the followers registered here (at module init, never while consuming).
 */
@Injectable()
export class PointsEarnedFollowers {
  private readonly followers: PointsEarnedFollower[] = [];

  add(follower: PointsEarnedFollower): void {
    this.followers.push(follower);
  }

  async notify(events: readonly ConsumedEvent<PointsEarned>[], profiles: ReadonlyMap<string, MemberProfile>): Promise<void> {
    if (events.length === 0) return;
    for (const follower of this.followers) await follower.followEarned(events, profiles);
  }
}
