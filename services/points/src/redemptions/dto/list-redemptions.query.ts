import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DESK_LOCATION_MESSAGE, DESK_LOCATION_PATTERN } from '../../rewards/desk-location';
import type { RedemptionChannel, RedemptionStatus } from '../redemption.entity';

const STATUSES: readonly RedemptionStatus[] = ['processing', 'completed', 'reserved', 'collected', 'cancelled', 'expired', 'failed'];
const CHANNELS: readonly RedemptionChannel[] = ['desk', 'online'];

export class ListRedemptionsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  rewardId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: RedemptionStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: RedemptionChannel;

  @ApiPropertyOptional({ example: 'desk-l1' })
  @IsOptional()
  @Matches(DESK_LOCATION_PATTERN, { message: DESK_LOCATION_MESSAGE })
  location?: string;

  @ApiPropertyOptional({ example: 'K7M2-QX4P', description: 'The code on the slip (any case, dash optional)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string;

  @ApiPropertyOptional({ type: 'integer', description: '1 to 500, newest first; 100 when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
