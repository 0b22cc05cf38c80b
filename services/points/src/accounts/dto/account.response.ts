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

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  static of(account: PointsAccount): AccountResponse {
    return { ...account, openedAt: account.openedAt.toISOString() };
  }
}
