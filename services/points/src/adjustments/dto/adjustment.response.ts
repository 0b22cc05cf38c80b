import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Balances } from '../../accounts/account.entity';
import type { Adjustment } from '../adjustment.entity';

class BalancesView implements Balances {
  @ApiProperty() available: number;
  @ApiProperty() pending: number;
  @ApiProperty() lifetimeEarned: number;
  @ApiProperty() redeemed: number;
  @ApiProperty() expired: number;
  @ApiProperty() debt: number;
}

/** An adjustment with its audit: who, when, why, and the balances before and after. */
export class AdjustmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ type: 'integer' })
  points: number;

  @ApiProperty()
  reason: string;

  @ApiPropertyOptional()
  reference?: string;

  @ApiProperty({ description: 'The supervisor who made it' })
  staffId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: BalancesView })
  before: BalancesView;

  @ApiProperty({ type: BalancesView })
  after: BalancesView;

  @ApiProperty({ example: 'adjust:3b1f5d2e-8c4a-4f7e-9d1a-2b3c4d5e6f70' })
  entryId: string;

  static of(adjustment: Adjustment): AdjustmentResponse {
    return { ...adjustment, before: { ...adjustment.before }, after: { ...adjustment.after }, at: adjustment.at.toISOString() };
  }
}
