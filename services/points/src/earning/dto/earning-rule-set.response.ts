import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROUNDING_MODES, type EarningRuleSet, type Permille, type RoundingMode } from '../earning-rule-set.entity';
import { BaseRateDto } from './base-rate.dto';
import { CampaignDto } from './campaign.dto';

const PERMILLE_RECORD = { type: 'object', additionalProperties: { type: 'integer' } } as const;

/** One stored version of the earning rules. */
export class EarningRuleSetResponse {
  @ApiProperty({ type: 'integer', example: 2 })
  version: number;

  @ApiProperty({ format: 'date-time' })
  effectiveFrom: string;

  @ApiProperty({ description: "Staff username that proposed it; 'system' for the default" })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ example: 'CNY' })
  currency: string;

  @ApiProperty({ type: BaseRateDto })
  baseRate: BaseRateDto;

  @ApiProperty({ enum: ROUNDING_MODES })
  rounding: RoundingMode;

  @ApiProperty(PERMILLE_RECORD)
  tierMultipliers: Record<string, Permille>;

  @ApiProperty(PERMILLE_RECORD)
  tenantMultipliers: Record<string, Permille>;

  @ApiProperty(PERMILLE_RECORD)
  categoryMultipliers: Record<string, Permille>;

  @ApiProperty({ type: [String] })
  excludedTenants: string[];

  @ApiProperty({ type: [String] })
  excludedCategories: string[];

  @ApiProperty({ type: [CampaignDto] })
  campaigns: CampaignDto[];

  @ApiPropertyOptional({ type: 'integer' })
  maxPointsPerPurchase?: number;

  @ApiPropertyOptional({ type: 'integer' })
  maxPointsPerDay?: number;

  static of(ruleSet: EarningRuleSet): EarningRuleSetResponse {
    return {
      ...ruleSet,
      effectiveFrom: ruleSet.effectiveFrom.toISOString(),
      createdAt: ruleSet.createdAt.toISOString(),
      baseRate: { ...ruleSet.baseRate },
      tierMultipliers: { ...ruleSet.tierMultipliers },
      tenantMultipliers: { ...ruleSet.tenantMultipliers },
      categoryMultipliers: { ...ruleSet.categoryMultipliers },
      excludedTenants: [...ruleSet.excludedTenants],
      excludedCategories: [...ruleSet.excludedCategories],
      campaigns: ruleSet.campaigns.map((campaign) => CampaignDto.of(campaign)),
    };
  }
}
