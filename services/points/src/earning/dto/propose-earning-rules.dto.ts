import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ROUNDING_MODES, type EarningRuleProposal, type Permille, type RoundingMode } from '../earning-rule-set.entity';
import { BaseRateDto } from './base-rate.dto';
import { CampaignDto } from './campaign.dto';
import { IsInstant } from './is-instant.decorator';

const PERMILLE_RECORD = { type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 100000 } } as const;

/**
 * A new version of the earning rules. Only the shape is checked here; the rules themselves
 * (ranges, contradictions, effective date) are checked with the whole set by the domain
 * validation, which names every field at fault, including keys inside the multiplier records.
 */
export class ProposeEarningRulesDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2025-07-01T00:00:00+08:00',
    description: 'When the version takes effect; not in the past. Absent = as soon as allowed (a few seconds from now)',
  })
  @IsOptional()
  @IsInstant()
  effectiveFrom?: string;

  @ApiProperty({ example: 'CNY', description: 'ISO 4217' })
  @IsString()
  currency: string;

  @ApiProperty({ type: BaseRateDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => BaseRateDto)
  baseRate: BaseRateDto;

  @ApiProperty({ enum: ROUNDING_MODES, description: 'How the one rounding of a purchase is done' })
  @IsIn(ROUNDING_MODES)
  rounding: RoundingMode;

  @ApiPropertyOptional({ ...PERMILLE_RECORD, example: { GOLD: 1500, VIP: 2000 }, description: 'Permille by tier code; unlisted = ×1' })
  @IsOptional()
  @IsObject()
  tierMultipliers?: Record<string, Permille>;

  @ApiPropertyOptional({ ...PERMILLE_RECORD, description: 'Permille by tenant id; unlisted = ×1' })
  @IsOptional()
  @IsObject()
  tenantMultipliers?: Record<string, Permille>;

  @ApiPropertyOptional({ ...PERMILLE_RECORD, example: { dining: 2000 }, description: 'Permille by category code; unlisted = ×1' })
  @IsOptional()
  @IsObject()
  categoryMultipliers?: Record<string, Permille>;

  @ApiPropertyOptional({ type: [String], description: 'Tenants whose sales earn nothing' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  excludedTenants?: string[];

  @ApiPropertyOptional({ type: [String], example: ['tobacco'], description: 'Categories whose sales earn nothing' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  excludedCategories?: string[];

  @ApiPropertyOptional({ type: [CampaignDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CampaignDto)
  campaigns?: CampaignDto[];

  @ApiPropertyOptional({ type: 'integer', example: 5000, description: 'Whole points; absent = no cap' })
  @IsOptional()
  @IsInt()
  maxPointsPerPurchase?: number;

  @ApiPropertyOptional({ type: 'integer', example: 20000, description: 'Whole points per member per centre-local day; absent = no cap' })
  @IsOptional()
  @IsInt()
  maxPointsPerDay?: number;

  static toProposal(dto: ProposeEarningRulesDto): EarningRuleProposal {
    return {
      ...(dto.effectiveFrom !== undefined ? { effectiveFrom: new Date(dto.effectiveFrom) } : {}),
      currency: dto.currency,
      baseRate: { points: dto.baseRate.points, perAmountMinor: dto.baseRate.perAmountMinor },
      rounding: dto.rounding,
      tierMultipliers: dto.tierMultipliers ?? {},
      tenantMultipliers: dto.tenantMultipliers ?? {},
      categoryMultipliers: dto.categoryMultipliers ?? {},
      excludedTenants: dto.excludedTenants ?? [],
      excludedCategories: dto.excludedCategories ?? [],
      campaigns: (dto.campaigns ?? []).map((campaign) => CampaignDto.toCampaign(campaign)),
      ...(dto.maxPointsPerPurchase !== undefined ? { maxPointsPerPurchase: dto.maxPointsPerPurchase } : {}),
      ...(dto.maxPointsPerDay !== undefined ? { maxPointsPerDay: dto.maxPointsPerDay } : {}),
    };
  }
}
