import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { percentOf } from '../../daily-run.entity';
import type { PeriodRun, PeriodRunStatus } from '../period-run.entity';

class PeriodRunProgressResponse {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty({ type: 'integer', description: 'Ledger entries to read' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Ledger entries read so far' }) entriesProcessed: number;
}

export class PeriodRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: PeriodRunStatus;
  @ApiProperty({ enum: ['staff', 'schedule'] }) trigger: 'staff' | 'schedule';
  @ApiProperty() requestedBy: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional() startedAt?: Date;
  @ApiPropertyOptional() finishedAt?: Date;
  @ApiProperty({ type: PeriodRunProgressResponse }) progress: PeriodRunProgressResponse;
  @ApiPropertyOptional({ description: 'Whether its statements are the stored ones (the period settled before gives the same)' }) matchesStored?: boolean;
  @ApiPropertyOptional() failure?: string;

  static of(run: PeriodRun): PeriodRunResponse {
    return {
      id: run.id,
      period: run.period,
      status: run.status,
      trigger: run.trigger,
      requestedBy: run.requestedBy,
      createdAt: run.createdAt,
      ...(run.startedAt ? { startedAt: run.startedAt } : {}),
      ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
      // The total is the ledger's estimated size: a running run says at most 99.
      progress: { percent: run.status === 'completed' ? 100 : run.status === 'queued' ? 0 : Math.min(99, percentOf(run.processed, run.total)), total: run.total, entriesProcessed: run.processed },
      ...(run.matchesStored !== undefined ? { matchesStored: run.matchesStored } : {}),
      ...(run.failure ? { failure: run.failure } : {}),
    };
  }
}
