import { ApiProperty } from '@nestjs/swagger';
import type { PointsAccount } from '../account.entity';

export class AccountResponse {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ description: 'Points the member can spend now' })
  available: number;

  @ApiProperty({ description: 'Points inside a return window, not yet spendable' })
  pending: number;

  @ApiProperty()
  lifetimeEarned: number;

  @ApiProperty()
  redeemed: number;

  @ApiProperty()
  expired: number;

  @ApiProperty({ description: 'Points a refund took back after they were spent (debt refund policy)' })
  debt: number;

  @ApiProperty({ type: [String] })
  cardNumbers: string[];

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  static of(account: PointsAccount): AccountResponse {
    const { memberId, available, pending, lifetimeEarned, redeemed, expired, debt, cardNumbers, openedAt } = account;
    return { memberId, available, pending, lifetimeEarned, redeemed, expired, debt, cardNumbers: [...cardNumbers], openedAt: openedAt.toISOString() };
  }
}
