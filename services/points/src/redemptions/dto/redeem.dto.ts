import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DESK_LOCATION_MESSAGE, DESK_LOCATION_PATTERN } from '../../rewards/desk-location';

/** A redemption at the desk: which member, which reward, where, how many (or which plate, how many hours). */
export class RedeemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  rewardId: string;

  @ApiPropertyOptional({ example: 'desk-l1', description: 'The desk: required for gifts (its stock is taken); recorded for the others' })
  @IsOptional()
  @Matches(DESK_LOCATION_PATTERN, { message: DESK_LOCATION_MESSAGE })
  location?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, description: 'Units of a gift or voucher; 1 when absent (parking: 1)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  quantity?: number;

  @ApiPropertyOptional({ example: '粤B12345', description: 'Parking only: the licence plate (mainland, new-energy, Hong Kong or Macau format)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  plate?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 24, description: 'Parking only: hours of free parking' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  hours?: number;
}
