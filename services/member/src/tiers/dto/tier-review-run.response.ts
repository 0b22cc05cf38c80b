import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVIEW_RUN_STATUSES, type TierReviewRun } from '../tier-review-run.entity';

export class TierReviewRunResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Calendar year reviewed; a member is reviewed once per year' })
  year: number;

  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ enum: REVIEW_RUN_STATUSES })
  status: string;

  @ApiProperty({ enum: ['staff', 'schedule'] })
  trigger: string;

  @ApiProperty()
  requestedBy: string;

  @ApiProperty({ description: 'Records to go through' })
  total: number;

  @ApiProperty({ description: 'Records gone through so far' })
  processed: number;

  @ApiProperty({ description: 'Down one level' })
  downgraded: number;

  @ApiProperty({ description: 'Kept their tier' })
  kept: number;

  @ApiProperty({ description: 'Reviewed for this year by another run already: unchanged' })
  alreadyReviewed: number;

  @ApiProperty({ description: 'Merged or erased records' })
  closed: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finishedAt?: string;

  @ApiPropertyOptional()
  failure?: string;

  static of(run: TierReviewRun): TierReviewRunResponse {
    return {
      id: run.id,
      year: run.year,
      asOf: run.asOf.toISOString(),
      status: run.status,
      trigger: run.trigger,
      requestedBy: run.requestedBy,
      total: run.total,
      processed: run.processed,
      ...run.counts,
      createdAt: run.createdAt.toISOString(),
      ...(run.startedAt ? { startedAt: run.startedAt.toISOString() } : {}),
      ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
      ...(run.failure ? { failure: run.failure } : {}),
    };
  }
}
