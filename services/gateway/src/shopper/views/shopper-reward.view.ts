import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pickFields, pickNested, withOptional } from './pick-fields';

export class ShopperRewardLimitView {
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ enum: ['day', 'week', 'month', 'year'] }) period: string;
}

/** A reward as the shopper may see it: what it costs and whether they can have it; not who pays for it or which staff wrote it. */
export class ShopperRewardView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['gift', 'voucher', 'parking'] }) kind: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: 'integer', description: 'Points per unit; per hour for parking' }) pointsPrice: number;
  @ApiPropertyOptional({ format: 'date-time' }) availableFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) availableUntil?: string;
  @ApiProperty({ type: [String], description: 'Tiers that may redeem it; every tier when empty' }) tiers: string[];
  @ApiPropertyOptional({ type: ShopperRewardLimitView }) limit?: ShopperRewardLimitView;
  @ApiPropertyOptional({ type: 'integer' }) maxHoursPerDay?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Stock at the desk asked about (gifts), codes left (vouchers)' }) inStock?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Units left under the limit this period' }) remainingThisPeriod?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'The most units (parking: hours) the shopper could redeem now' }) maxQuantity?: number;

  static of(this: void, reward: unknown): ShopperRewardView {
    return {
      ...pickFields<ShopperRewardView>(reward, [
        'id', 'kind', 'name', 'description', 'pointsPrice', 'availableFrom', 'availableUntil', 'tiers', 'maxHoursPerDay', 'inStock', 'remainingThisPeriod', 'maxQuantity',
      ]),
      ...withOptional('limit', pickNested<ShopperRewardLimitView>(reward, 'limit', ['quantity', 'period'])),
    };
  }
}
