import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type PointsEarned, type PointsRefunded } from '@atrium/contracts';
import { ConsumeEventBatch, type BatchOutcome, type ConsumedEvent } from '@atrium/messaging';
import { earnedSpend, refundedSpend } from './spend-events';
import { QualifyingSpendService } from './qualifying-spend.service';

/** Sales and refunds from the points service, in batches (they follow the heavy purchase feed). */
@Controller()
export class QualifyingSpendConsumer {
  constructor(private readonly spend: QualifyingSpendService) {}

  @ConsumeEventBatch(TOPICS.pointsEvents, 'points.earned')
  async onEarned(@Payload() events: ConsumedEvent<PointsEarned>[]): Promise<BatchOutcome> {
    return this.spend.count(events, earnedSpend);
  }

  @ConsumeEventBatch(TOPICS.pointsEvents, 'points.refunded')
  async onRefunded(@Payload() events: ConsumedEvent<PointsRefunded>[]): Promise<BatchOutcome> {
    return this.spend.count(events, refundedSpend);
  }
}
