import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { RecipientStatus } from '../../delivery/campaign-delivery';
import { CAMPAIGN_STATES, type CampaignState } from '../campaign-state';

export const RECIPIENT_STATUSES: readonly RecipientStatus[] = [
  'excluded',
  'pending',
  'deferred',
  'sending',
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'cancelled',
];

export class ListCampaignsQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATES })
  @IsOptional()
  @IsIn([...CAMPAIGN_STATES])
  state?: CampaignState;
}

export class RecipientsQuery {
  @ApiPropertyOptional({ enum: RECIPIENT_STATUSES })
  @IsOptional()
  @IsIn([...RECIPIENT_STATUSES])
  status?: RecipientStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ type: 'integer', description: '1 to 500; 50 when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', description: '0 or more; 0 when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
