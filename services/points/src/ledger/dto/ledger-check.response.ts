import { ApiProperty } from '@nestjs/swagger';

export class BalancesView {
  @ApiProperty({ type: 'integer' })
  available: number;

  @ApiProperty({ type: 'integer' })
  pending: number;

  @ApiProperty({ type: 'integer' })
  lifetimeEarned: number;

  @ApiProperty({ type: 'integer' })
  redeemed: number;

  @ApiProperty({ type: 'integer' })
  expired: number;

  @ApiProperty({ type: 'integer' })
  debt: number;
}

export class BalanceMismatchView {
  @ApiProperty()
  memberId: string;

  @ApiProperty({ type: BalancesView, description: 'The balances stored on the account' })
  stored: BalancesView;

  @ApiProperty({ type: BalancesView, description: 'The sums of its ledger entries' })
  fromEntries: BalancesView;
}

/** GET /ledger/check: what was read and every account whose balances differ from its entries. */
export class LedgerCheckResponse {
  @ApiProperty({ type: 'integer' })
  accountsChecked: number;

  @ApiProperty({ type: 'integer' })
  entriesRead: number;

  @ApiProperty({ type: [BalanceMismatchView], description: 'Empty when every balance is the sum of its entries' })
  mismatches: BalanceMismatchView[];
}
