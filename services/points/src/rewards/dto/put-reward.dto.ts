import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../earning/dto/is-instant.decorator';
import { LIMIT_PERIODS, REWARD_KINDS, type LimitPeriod, type RewardKind, type RewardStatus } from '../reward.entity';

const TIER_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export class LimitDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Units (parking: redemptions) per member per period' })
  @IsInt()
  @Min(1)
  @Max(1_000)
  quantity: number;

  @ApiProperty({ enum: LIMIT_PERIODS, example: 'month', description: 'A calendar period in the centre\'s time zone; weeks start on Monday' })
  @IsIn(LIMIT_PERIODS)
  period: LimitPeriod;
}

/** Shape only; which fields each kind of funding needs is checked with the whole definition (fundingOf). */
export class FundingDto {
  @ApiProperty({ enum: ['centre', 'tenant'] })
  @IsIn(['centre', 'tenant'])
  by: 'centre' | 'tenant';

  @ApiPropertyOptional({ example: 'starbucks-l1', description: 'Tenant funding only (required there): the tenant that pays its share' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  tenantId?: string;

  @ApiPropertyOptional({ type: 'integer', example: 5000, description: 'Tenant funding only (required there): the tenant\'s share in basis points, 1 to 10000 (10000 = all of it)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  tenantShareBasisPoints?: number;
}

/** A reward as staff define it: created by POST, replaced whole by PUT (its kind stays). */
export class PutRewardDto {
  @ApiProperty({ enum: REWARD_KINDS })
  @IsIn(REWARD_KINDS)
  kind: RewardKind;

  @ApiProperty({ example: '環保購物袋 Reusable shopping bag' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ type: 'integer', example: 800, description: 'Points per unit; for parking, points per hour' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  pointsPrice: number;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00+08:00', description: 'Redeemable from (inclusive)' })
  @IsOptional()
  @IsInstant()
  availableFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2027-01-01T00:00:00+08:00', description: 'Redeemable until (exclusive)' })
  @IsOptional()
  @IsInstant()
  availableUntil?: string;

  @ApiPropertyOptional({ type: [String], example: ['gold', 'vip'], description: 'Tier codes that may redeem it; every tier when absent or empty' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TIER_CODE, { each: true, message: 'each tier must be a tier code such as gold' })
  tiers?: string[];

  @ApiPropertyOptional({ type: LimitDto, description: 'At most so many per member per calendar period; no limit when absent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LimitDto)
  limit?: LimitDto;

  @ApiProperty({ type: FundingDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FundingDto)
  funding: FundingDto;

  @ApiPropertyOptional({ type: 'integer', example: 3, description: 'Parking only (required there): the most hours one plate gets per centre-local day' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  maxHoursPerDay?: number;

  @ApiPropertyOptional({ enum: ['active', 'retired'], description: 'active when absent; a retired reward can no longer be redeemed' })
  @IsOptional()
  @IsIn(['active', 'retired'])
  status?: RewardStatus;
}
