import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { InvalidInputError } from '@atrium/errors';
import { ApiBadRequestResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccountsRepository } from '../accounts/accounts.repository';
import { ZERO_BALANCES, type BalanceField } from '../accounts/account.entity';
import { addEntry, differs, type BalanceMismatch } from './balance-check';
import { LedgerCheckResponse } from './dto/ledger-check.response';
import { LedgerEntryView } from './dto/ledger-entry.response';
import type { LedgerEntry } from './ledger-entry.entity';
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
  @ApiOkResponse({ type: LedgerCheckResponse, description: 'Accounts checked and every mismatch found' })
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

  /** A member's statement: every entry with its cause, in time order, optionally for a period. */
  @Get('members/:memberId/entries')
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601 instant, inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601 instant, exclusive' })
  @ApiOkResponse({ type: [LedgerEntryView], description: 'In time order' })
  @ApiBadRequestResponse({ description: 'from or to is not an ISO 8601 instant (the field is named)' })
  async statement(
    @Param('memberId', new ParseUUIDPipe()) memberId: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<LedgerEntry[]> {
    return this.ledger.forMember(memberId, instantOf('from', from), instantOf('to', to));
  }
}

function instantOf(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new InvalidInputError('ledger.period-invalid', `"${value}" is not an instant.`, [{ field, message: 'must be an ISO 8601 instant, e.g. 2026-11-01T00:00:00+08:00' }]);
  }
  return instant;
}
