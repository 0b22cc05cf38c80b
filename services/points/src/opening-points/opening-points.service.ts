import { Injectable } from '@nestjs/common';
import { AccountNotFoundError } from '../accounts/account.errors';
import { AccountsRepository } from '../accounts/accounts.repository';
import { openingEntryId } from '../ledger/ledger-entry.entity';
import { LedgerRepository } from '../ledger/ledger.repository';
import type { OpeningGrant } from './opening-grant.entity';
import { OpeningGrantsRepository } from './opening-grants.repository';
import { openingEntryOf } from './opening-entry';

/** What became of a grant: in the balances (now or before), or held until the member's account opens. */
export type GrantOutcome = 'credited' | 'waiting-for-account';

/**
 * Credits an import's opening points exactly once (README, "Opening points"). The grant is
 * stored first, then posted under the account's lock as the entry `opening:<grantId>`; a grant
 * whose account is not open yet stays stored and is credited when the account opens
 * (`points.account-opened`). Storing before looking at the account means whichever comes
 * second, the grant or the opening, finds the other. Every step is safe to repeat.
 */
@Injectable()
export class OpeningPointsService {
  constructor(
    private readonly grants: OpeningGrantsRepository,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async receive(grant: OpeningGrant): Promise<GrantOutcome> {
    const held = await this.grants.hold(grant);
    return this.credit(held);
  }

  /** Credits the grants that waited for the member's account; returns how many. */
  async creditWaiting(memberId: string): Promise<number> {
    let credited = 0;
    for (const grant of await this.grants.waitingFor(memberId)) {
      if ((await this.credit(grant)) === 'credited') credited++;
    }
    return credited;
  }

  private async credit(grant: OpeningGrant): Promise<GrantOutcome> {
    const entryId = openingEntryId(grant.grantId);
    try {
      await this.accounts.postDecided(grant.memberId, async () => {
        // Under the lock: an entry another delivery posted and marked applied is not posted again.
        let entry = await this.ledger.findById(entryId);
        if (!entry) {
          entry = openingEntryOf(grant, new Date());
          await this.ledger.insertOne(entry);
        }
        return { ...(entry.applied ? {} : { item: { entry } }), result: undefined };
      });
    } catch (error) {
      if (error instanceof AccountNotFoundError) return 'waiting-for-account';
      throw error;
    }
    // As the feed does: the entry's applied mark, then the account forgets the id, then the grant says so.
    await this.ledger.markApplied([entryId]);
    await this.accounts.forgetConfirmed([{ memberId: grant.memberId, items: [{ entry: openingEntryOf(grant, new Date()) }] }]);
    await this.grants.markApplied(grant.grantId, new Date());
    return 'credited';
  }
}
