import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { TOPICS, type OpeningPointsGranted, type PointsAccountOpened } from '@atrium/contracts';
import { ConsumeEvent, type ConsumedEvent } from '@atrium/messaging';
import { checkGrantPoints } from './grant-points';
import { OpeningGrantAccountNotOpenError, OpeningGrantInvalidError } from './opening-points.errors';
import { OpeningPointsService } from './opening-points.service';

/**
 * An import's opening balances: `member.opening-points-granted` credits them, and
 * `points.account-opened` (this service's own event) credits those that arrived before the
 * member's account. A grant that credits nothing is dead-lettered with its reason; one whose
 * account is not open is retried, and dead-lettered after the last attempt while it stays
 * held for the account (credited once it opens).
 */
@Controller()
export class OpeningPointsConsumer {
  constructor(private readonly openingPoints: OpeningPointsService) {}

  @ConsumeEvent(TOPICS.memberEvents, 'member.opening-points-granted')
  async onGranted(@Payload() event: ConsumedEvent<OpeningPointsGranted>): Promise<void> {
    const { grantId, memberId, importId, points, grantedAt } = event.payload;
    const problem = checkGrantPoints(points);
    if (problem) throw new OpeningGrantInvalidError(grantId, 'points', problem);
    const outcome = await this.openingPoints.receive({
      grantId,
      memberId,
      importId,
      points: Number(points),
      // The contract requires granted_at: the runner dead-letters a grant without it.
      grantedAt: timestampDate(grantedAt!),
      receivedAt: new Date(),
    });
    if (outcome === 'waiting-for-account') throw new OpeningGrantAccountNotOpenError(grantId, memberId);
  }

  @ConsumeEvent(TOPICS.pointsEvents, 'points.account-opened')
  async onAccountOpened(@Payload() event: ConsumedEvent<PointsAccountOpened>): Promise<void> {
    await this.openingPoints.creditWaiting(event.payload.memberId);
  }
}
