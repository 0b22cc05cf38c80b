import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIER_CHANGE_REASONS, type TierChange, type TierDefinition, type TierReview } from '../tier.entity';
import type { TierView } from '../tiers.service';

export class TierDefinitionResponse {
  @ApiProperty({ example: 'silver' })
  code: string;

  @ApiProperty({ example: '銀卡' })
  zh: string;

  @ApiProperty({ example: 'Silver' })
  en: string;

  @ApiProperty({ description: 'Qualifying spend over the rolling 12 months that reaches the tier (minor units)', example: 500000 })
  qualifyMinor: number;

  @ApiProperty({ description: 'Qualifying spend that keeps the tier at the yearly review (minor units)', example: 300000 })
  keepMinor: number;

  static of(tier: TierDefinition): TierDefinitionResponse {
    return { code: tier.code, zh: tier.zh, en: tier.en, qualifyMinor: tier.qualifyMinor, keepMinor: tier.keepMinor };
  }
}

export class TierChangeResponse {
  @ApiProperty()
  from: string;

  @ApiProperty()
  to: string;

  @ApiProperty({ enum: TIER_CHANGE_REASONS })
  reason: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiPropertyOptional({ description: 'Rolling 12-month spend the decision saw (minor units)' })
  rollingSpendMinor?: number;

  @ApiPropertyOptional({ description: 'Staff member behind a staff change, import or merge' })
  staffId?: string;

  @ApiPropertyOptional({ description: 'Staff\'s reason' })
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Review run or import that made the change' })
  runId?: string;

  @ApiPropertyOptional()
  reviewYear?: number;

  static of(change: TierChange): TierChangeResponse {
    return {
      from: change.from,
      to: change.to,
      reason: change.reason,
      at: change.at.toISOString(),
      ...(change.rollingSpendMinor !== undefined && change.rollingSpendMinor !== null ? { rollingSpendMinor: change.rollingSpendMinor } : {}),
      ...(change.staffId ? { staffId: change.staffId } : {}),
      ...(change.note ? { note: change.note } : {}),
      ...(change.runId ? { runId: change.runId } : {}),
      ...(change.reviewYear ? { reviewYear: change.reviewYear } : {}),
    };
  }
}

export class TierReviewRecordResponse {
  @ApiProperty()
  year: number;

  @ApiProperty({ format: 'uuid' })
  runId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty()
  from: string;

  @ApiProperty({ description: 'Equal to from when the member kept the tier' })
  to: string;

  @ApiProperty()
  rollingSpendMinor: number;

  static of(review: TierReview): TierReviewRecordResponse {
    return { year: review.year, runId: review.runId, at: review.at.toISOString(), from: review.from, to: review.to, rollingSpendMinor: review.rollingSpendMinor };
  }
}

export class NextTierResponse {
  @ApiProperty({ type: TierDefinitionResponse })
  tier: TierDefinitionResponse;

  @ApiProperty({ description: 'Spend still needed to reach it (minor units)' })
  remainingMinor: number;
}

/** A member's tier, spend, next threshold and history. */
export class MemberTierResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ type: TierDefinitionResponse, description: 'The current tier (the lowest until one is assigned)' })
  tier: TierDefinitionResponse;

  @ApiProperty({ description: 'Qualifying spend over the rolling 12 months, minor units' })
  rollingSpendMinor: number;

  @ApiProperty({ example: '2025-12', description: 'First calendar month of the window (centre time zone)' })
  windowFrom: string;

  @ApiProperty({ example: '2026-11', description: 'Last month of the window: the current one' })
  windowTo: string;

  @ApiProperty({ type: NextTierResponse, nullable: true, description: 'The next tier up; null at the top' })
  next: NextTierResponse | null;

  @ApiProperty({ type: [TierChangeResponse], description: 'Newest first' })
  history: TierChangeResponse[];

  @ApiProperty({ type: [TierReviewRecordResponse], description: 'Yearly reviews, newest first' })
  reviews: TierReviewRecordResponse[];

  static of(view: TierView): MemberTierResponse {
    return {
      memberId: view.member.id,
      tier: TierDefinitionResponse.of(view.tier),
      rollingSpendMinor: view.rollingSpendMinor,
      windowFrom: view.window.from,
      windowTo: view.window.to,
      next: view.next ? { tier: TierDefinitionResponse.of(view.next.tier), remainingMinor: view.next.remainingMinor } : null,
      history: [...view.history].reverse().map((change) => TierChangeResponse.of(change)),
      reviews: [...view.reviews].reverse().map((review) => TierReviewRecordResponse.of(review)),
    };
  }
}
