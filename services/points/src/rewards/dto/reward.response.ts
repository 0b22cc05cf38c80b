import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Reward } from '../reward.entity';

class LimitView {
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ enum: ['day', 'week', 'month', 'year'] }) period: string;
}

class FundingView {
  @ApiProperty({ enum: ['centre', 'tenant'] }) by: 'centre' | 'tenant';
  @ApiPropertyOptional() tenantId?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Basis points: 10000 = all of it' }) tenantShareBasisPoints?: number;
}

/** What the catalogue says about a reward at one desk, or for one member there. */
export interface RewardAvailability {
  /** A gift's stock at the desk asked about, or a voucher's free codes. */
  readonly inStock?: number;
  /** Units the member may still take this period under the reward's limit. */
  readonly remainingThisPeriod?: number;
  /** The most units (parking: hours) the member could redeem now: stock, limit, points and the daily maximum allow it. */
  readonly maxQuantity?: number;
}

export class RewardResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['gift', 'voucher', 'parking'] }) kind: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: 'integer', description: 'Points per unit; per hour for parking' }) pointsPrice: number;
  @ApiPropertyOptional({ format: 'date-time' }) availableFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) availableUntil?: string;
  @ApiProperty({ type: [String], description: 'Tiers that may redeem it; every tier when empty' }) tiers: string[];
  @ApiPropertyOptional({ type: LimitView }) limit?: LimitView;
  @ApiProperty({ type: FundingView }) funding: FundingView;
  @ApiPropertyOptional({ type: 'integer' }) maxHoursPerDay?: number;
  @ApiProperty({ enum: ['active', 'retired'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() updatedBy: string;
  @ApiPropertyOptional({ type: 'integer', description: 'With location (gifts) and for vouchers: what is left' }) inStock?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'With memberId: units left under the limit this period' }) remainingThisPeriod?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'With memberId: the most units (parking: hours) the member could redeem now' }) maxQuantity?: number;

  static of(reward: Reward, availability: RewardAvailability = {}): RewardResponse {
    return {
      id: reward.id,
      kind: reward.kind,
      name: reward.name,
      ...(reward.description ? { description: reward.description } : {}),
      pointsPrice: reward.pointsPrice,
      ...(reward.availableFrom ? { availableFrom: reward.availableFrom.toISOString() } : {}),
      ...(reward.availableUntil ? { availableUntil: reward.availableUntil.toISOString() } : {}),
      tiers: [...reward.tiers],
      ...(reward.limit ? { limit: { ...reward.limit } } : {}),
      funding: { ...reward.funding },
      ...(reward.maxHoursPerDay !== undefined ? { maxHoursPerDay: reward.maxHoursPerDay } : {}),
      status: reward.status,
      createdAt: reward.createdAt.toISOString(),
      createdBy: reward.createdBy,
      updatedAt: reward.updatedAt.toISOString(),
      updatedBy: reward.updatedBy,
      ...availability,
    };
  }
}
