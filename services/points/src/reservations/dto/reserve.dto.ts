import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { DESK_LOCATION_MESSAGE, DESK_LOCATION_PATTERN } from '../../rewards/desk-location';

/** A shopper's online reservation of a gift, to collect at a desk. The member is the signed-in shopper. */
export class ReserveDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  rewardId: string;

  @ApiProperty({ example: 'desk-l1', description: 'The desk where it will be collected (its stock is held)' })
  @Matches(DESK_LOCATION_PATTERN, { message: DESK_LOCATION_MESSAGE })
  location: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, description: '1 when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  quantity?: number;
}
