import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@atrium/paging';
import { COMPLAINT_CATEGORIES, COMPLAINT_KINDS, COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintKind, type ComplaintStatus } from '../complaint.entity';

/** An instant with a time and a UTC offset: a bare date would be UTC midnight, not the centre's. */
const INSTANT = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_RULE = 'must be an instant with a time and a UTC offset, e.g. 2026-11-01T00:00:00+08:00';

export class ComplaintQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;

  @ApiPropertyOptional({ enum: COMPLAINT_KINDS })
  @IsOptional()
  @IsIn(COMPLAINT_KINDS)
  kind?: ComplaintKind;

  @ApiPropertyOptional({ description: 'Staff username' })
  @IsOptional()
  @IsString()
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+08:00', description: 'Recorded at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: `from ${INSTANT_RULE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00', description: 'Recorded before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: `to ${INSTANT_RULE}` })
  to?: string;
}
