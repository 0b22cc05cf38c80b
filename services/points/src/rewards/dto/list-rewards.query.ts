import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { DESK_LOCATION_MESSAGE, DESK_LOCATION_PATTERN } from '../desk-location';
import { REWARD_KINDS, type RewardKind, type RewardStatus } from '../reward.entity';

export class ListRewardsQuery {
  @ApiPropertyOptional({ example: 'desk-l1', description: 'Show each gift\'s stock at this desk; required with memberId' })
  @IsOptional()
  @Matches(DESK_LOCATION_PATTERN, { message: DESK_LOCATION_MESSAGE })
  location?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this member may redeem now at the desk: in its window, their tier, under its limit, in stock, affordable' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ enum: ['active', 'retired'] })
  @IsOptional()
  @IsIn(['active', 'retired'])
  status?: RewardStatus;

  @ApiPropertyOptional({ enum: REWARD_KINDS })
  @IsOptional()
  @IsIn(REWARD_KINDS)
  kind?: RewardKind;
}
