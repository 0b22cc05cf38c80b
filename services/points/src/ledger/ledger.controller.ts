import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccountsRepository } from '../accounts/accounts.repository';
import { ZERO_BALANCES, type BalanceField } from '../accounts/account.entity';
import { addEntry, differs, type BalanceMismatch } from './balance-check';
import { LedgerRepository } from './ledger.repository';

/** Finance's proof that every stored balance is the sum of its ledger entries. */
@ApiTags('ledger')
@Controller('ledger')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  @Get('check')
  @ApiQuery({ name: 'memberId', required: false, description: 'One member; all members when absent' })
  @ApiOkResponse({ description: 'Accounts checked and every mismatch found' })
  async check(@Query('memberId') memberId?: string): Promise<{ accountsChecked: number; entriesRead: number; mismatches: BalanceMismatch[] }> {
    const scope = memberId ? [memberId] : undefined;
    const totals = new Map<string, Record<BalanceField, number>>();
    let entriesRead = 0;
    for await (const entry of this.ledger.streamAll(scope)) {
      addEntry(totals, entry);
      entriesRead++;
    }
    const mismatches: BalanceMismatch[] = [];
    let accountsChecked = 0;
    for await (const account of this.accounts.streamBalances(scope)) {
      accountsChecked++;
      const fromEntries = totals.get(account.memberId) ?? ZERO_BALANCES;
      const { available, pending, lifetimeEarned, redeemed, expired, debt } = account;
      const stored = { available, pending, lifetimeEarned, redeemed, expired, debt };
      if (differs(stored, fromEntries)) mismatches.push({ memberId: account.memberId, stored, fromEntries });
    }
    return { accountsChecked, entriesRead, mismatches };
  }
}
