import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StockAdjustment, StockLevel } from '../reward.entity';
import type { PoolCounts } from '../voucher-codes.repository';

export class StockAdjustmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) change: number;
  @ApiProperty() reason: string;
  @ApiProperty() staffId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: 'integer' }) before: number;
  @ApiProperty({ type: 'integer' }) after: number;

  static of(adjustment: StockAdjustment): StockAdjustmentView {
    return { ...adjustment, at: adjustment.at.toISOString() };
  }
}

class LocationStockView {
  @ApiProperty({ example: 'desk-l1' }) location: string;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ type: [StockAdjustmentView], description: 'Staff changes with their reasons, oldest first' }) adjustments: StockAdjustmentView[];
}

class CodePoolView {
  @ApiProperty({ type: 'integer' }) free: number;
  @ApiProperty({ type: 'integer' }) handedOut: number;
  @ApiProperty({ type: 'integer', description: 'Handed out, then voided by a cancellation' }) voided: number;
}

/** A reward's stock: per desk for a gift, the code pool for a voucher. */
export class StockResponse {
  @ApiProperty({ format: 'uuid' }) rewardId: string;
  @ApiPropertyOptional({ type: [LocationStockView] }) locations?: LocationStockView[];
  @ApiPropertyOptional({ type: CodePoolView }) codes?: CodePoolView;

  static ofLevels(rewardId: string, levels: readonly StockLevel[]): StockResponse {
    return {
      rewardId,
      locations: levels.map((level) => ({ location: level.location, quantity: level.quantity, adjustments: level.adjustments.map((adjustment) => StockAdjustmentView.of(adjustment)) })),
    };
  }

  static ofPool(rewardId: string, counts: PoolCounts): StockResponse {
    return { rewardId, codes: { ...counts } };
  }
}
