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

  @ApiProperty({ type: [String], description: 'The cards that earn' })
  cardNumbers: string[];

  @ApiProperty({ type: [String], description: 'The member\'s cards that earn no more (replaced, reported lost, closed by a merge)' })
  retiredCardNumbers: string[];

  @ApiProperty({ description: 'Tier code from the member service, e.g. "gold"; empty until one is assigned' })
  tier: string;

  @ApiProperty({ description: 'A frozen member earns nothing (a frozen card, an erased or merged record)' })
  frozen: boolean;

  @ApiProperty({ format: 'date-time', required: false, description: 'When the member was erased: phone and cards forgotten, balances and ledger kept' })
  erasedAt?: string;

  @ApiProperty({ format: 'uuid', required: false, description: 'The member this duplicate record was merged into' })
  mergedInto?: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  static of(account: PointsAccount): AccountResponse {
    const { memberId, available, pending, lifetimeEarned, redeemed, expired, debt, cardNumbers, retiredCardNumbers, tier, frozen, erasedAt, mergedInto, openedAt } = account;
    return {
      memberId,
      available,
      pending,
      lifetimeEarned,
      redeemed,
      expired,
      debt,
      cardNumbers: [...cardNumbers],
      retiredCardNumbers: [...(retiredCardNumbers ?? [])],
      tier,
      frozen,
      ...(erasedAt ? { erasedAt: erasedAt.toISOString() } : {}),
      ...(mergedInto ? { mergedInto } : {}),
      openedAt: openedAt.toISOString(),
    };
  }
}
