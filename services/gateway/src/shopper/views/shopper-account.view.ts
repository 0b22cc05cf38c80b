import { ApiProperty } from '@nestjs/swagger';
import { pickFields } from './pick-fields';

/** The shopper's balances: what they hold, not the account's bookkeeping (freeze, erasure, merge). */
export class ShopperAccountView {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ type: 'integer', description: 'Points to spend now' }) available: number;
  @ApiProperty({ type: 'integer', description: 'Points inside a return window, not yet spendable' }) pending: number;
  @ApiProperty({ type: 'integer' }) lifetimeEarned: number;
  @ApiProperty({ type: 'integer' }) redeemed: number;
  @ApiProperty({ type: 'integer' }) expired: number;
  @ApiProperty({ type: 'integer', description: 'Points a refund took back after they were spent' }) debt: number;
  @ApiProperty({ type: [String], description: 'The cards that earn' }) cardNumbers: string[];
  @ApiProperty({ description: 'Tier code; empty until one is assigned' }) tier: string;

  static of(this: void, account: unknown): ShopperAccountView {
    return pickFields<ShopperAccountView>(account, ['memberId', 'available', 'pending', 'lifetimeEarned', 'redeemed', 'expired', 'debt', 'cardNumbers', 'tier']);
  }
}
