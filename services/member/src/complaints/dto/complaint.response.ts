import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_KINDS, COMPLAINT_STATUSES, type Complaint } from '../complaint.entity';

export class ComplaintEventResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'Staff username' })
  by: string;

  @ApiProperty({ enum: ['recorded', 'assigned', 'status-changed'] })
  action: string;

  @ApiPropertyOptional()
  from?: string;

  @ApiPropertyOptional()
  to?: string;
}

export class ComplaintResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: COMPLAINT_KINDS })
  kind: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  channel: string;

  @ApiPropertyOptional({ format: 'uuid' })
  memberId?: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: COMPLAINT_STATUSES })
  status: string;

  @ApiPropertyOptional()
  assignee?: string;

  @ApiPropertyOptional()
  resolution?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  resolvedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  closedAt?: string;

  @ApiPropertyOptional({ description: 'Seconds from recording to resolution' })
  timeToResolveSeconds?: number;

  @ApiProperty({ type: [ComplaintEventResponse] })
  history: ComplaintEventResponse[];

  static of(complaint: Complaint): ComplaintResponse {
    const { createdAt, updatedAt, resolvedAt, closedAt, history, ...rest } = complaint;
    return {
      ...rest,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      ...(resolvedAt ? { resolvedAt: resolvedAt.toISOString() } : {}),
      ...(closedAt ? { closedAt: closedAt.toISOString() } : {}),
      history: history.map((event) => ({ ...event, at: event.at.toISOString() })),
    };
  }
}

export class ComplaintPageResponse {
  @ApiProperty({ type: [ComplaintResponse], description: 'Newest first' })
  items: ComplaintResponse[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty()
  hasMore: boolean;
}
