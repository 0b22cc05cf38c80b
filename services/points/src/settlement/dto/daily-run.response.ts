import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { percentOf, type DailyRun, type DailyRunStatus } from '../daily-run.entity';

class EntryCountResponse {
  @ApiProperty({ type: 'integer', description: 'Ledger entries this run wrote' }) entries: number;
  @ApiProperty({ type: 'integer' }) points: number;
}

class DailyRunProgressResponse {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty({ type: 'integer', description: 'Accounts to settle, counted when the run started: the members with an entry due since dueFrom, or (no dueFrom) every account with points pending or available' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Accounts settled so far' }) processed: number;
  @ApiProperty({ type: 'integer', description: 'Ledger entries read so far' }) entriesRead: number;
  @ApiProperty({ type: 'integer', description: 'Accounts read and written so far (each once, unless a resumed run settles again the members after its last saved one)' }) accountsSettled: number;
  @ApiPropertyOptional({ example: '2026-11-25', description: 'The first day whose due entries the run settles; absent when it goes through every account' }) dueFrom?: string;
}

export class DailyRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-11-26', description: 'The centre-local day settled' }) date: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: DailyRunStatus;
  @ApiProperty({ enum: ['staff', 'schedule'] }) trigger: 'staff' | 'schedule';
  @ApiProperty() requestedBy: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional() startedAt?: Date;
  @ApiPropertyOptional() finishedAt?: Date;
  @ApiProperty({ type: DailyRunProgressResponse }) progress: DailyRunProgressResponse;
  @ApiProperty({ type: EntryCountResponse, description: 'Pending points this run made available' }) matured: EntryCountResponse;
  @ApiProperty({ type: EntryCountResponse, description: 'Points this run expired' }) expired: EntryCountResponse;
  @ApiProperty({ type: 'integer', description: 'Expiry reminders this run sent' }) reminders: number;
  @ApiPropertyOptional() failure?: string;

  static of(run: DailyRun): DailyRunResponse {
    const { counts } = run;
    return {
      id: run.id,
      date: run.day,
      status: run.status,
      trigger: run.trigger,
      requestedBy: run.requestedBy,
      createdAt: run.createdAt,
      ...(run.startedAt ? { startedAt: run.startedAt } : {}),
      ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
      progress: { percent: run.status === 'completed' ? 100 : run.status === 'queued' ? 0 : percentOf(run.processed, run.total), total: run.total, processed: run.processed, entriesRead: counts.entriesRead, accountsSettled: counts.accountsSettled, ...(run.dueFrom ? { dueFrom: run.dueFrom } : {}) },
      matured: { entries: counts.maturedEntries, points: counts.maturedPoints },
      expired: { entries: counts.expiredEntries, points: counts.expiredPoints },
      reminders: counts.reminders,
      ...(run.failure ? { failure: run.failure } : {}),
    };
  }
}
