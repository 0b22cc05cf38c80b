import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EARNING_RULE_STATUSES, ROUNDING_MODES, type EarningRuleReview, type EarningRuleSet, type EarningRuleStatus, type Permille, type RoundingMode } from '../earning-rule-set.entity';
import { BaseRateDto } from './base-rate.dto';
import { CampaignDto } from './campaign.dto';

const PERMILLE_RECORD = { type: 'object', additionalProperties: { type: 'integer' } } as const;

/** Who decided a version and when; a rejection says why. */
export class EarningRuleReviewResponse {
  @ApiProperty({ description: 'Staff username of the supervisor' })
  by: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiPropertyOptional({ description: 'Why it was rejected (rejections only)' })
  reason?: string;

  static of(review: EarningRuleReview): EarningRuleReviewResponse {
    return { by: review.by, at: review.at.toISOString(), ...(review.reason !== undefined ? { reason: review.reason } : {}) };
  }
}

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

  @ApiProperty({
    enum: EARNING_RULE_STATUSES,
    description: 'submitted: waits for a supervisor, does not affect earning; approved: prices purchases from effectiveFrom; rejected: never does',
  })
  status: EarningRuleStatus;

  @ApiPropertyOptional({ type: EarningRuleReviewResponse, description: 'Who approved it and when (approved versions)' })
  approval?: EarningRuleReviewResponse;

  @ApiPropertyOptional({ type: EarningRuleReviewResponse, description: 'Who rejected it, when and why (rejected versions)' })
  rejection?: EarningRuleReviewResponse;

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
    const { approval, rejection, ...rest } = ruleSet;
    return {
      ...rest,
      effectiveFrom: ruleSet.effectiveFrom.toISOString(),
      createdAt: ruleSet.createdAt.toISOString(),
      ...(approval ? { approval: EarningRuleReviewResponse.of(approval) } : {}),
      ...(rejection ? { rejection: EarningRuleReviewResponse.of(rejection) } : {}),
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
