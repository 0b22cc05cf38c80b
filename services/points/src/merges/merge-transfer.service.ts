import { Injectable } from '@nestjs/common';
import { AccountsRepository, type AccountForPosting, type Posting } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import { mergeInEntryId, mergeOutEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';
import { LedgerRepository } from '../ledger/ledger.repository';
import { SurvivorAccountNotOpenError } from './merge.errors';
import { planMergeTransfer } from './merge-transfer';

export interface MergeAnnounced {
  readonly mergedMemberId: string;
  readonly survivingMemberId: string;
  readonly closedCardNumbers: readonly string[];
  readonly mergedAt: Date;
}

/**
 * Moves a merged record's points to the surviving member, once (README, "Merges"). Three steps
 * without a transaction, each safe to repeat, so a redelivered `member.merged` finishes a merge
 * that stopped anywhere: (1) the merged record's account is closed (earns nothing more);
 * (2) under both accounts' locks the transfer's two entries are written to the ledger, derived
 * ids `merge:<merged>:out` and `:in`, or found there from an earlier delivery; (3) each is
 * posted to its account unless the account holds it already, then marked applied.
 */
@Injectable()
export class MergeTransferService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly accountFacts: AccountsService,
    private readonly ledger: LedgerRepository,
  ) {}

  async transfer(merge: MergeAnnounced, eventType: string): Promise<void> {
    const { mergedMemberId, survivingMemberId, closedCardNumbers } = merge;
    await this.accountFacts.changeMember(mergedMemberId, eventType, { kind: 'merged-away', into: survivingMemberId, closedCardNumbers });
    const { result: entries } = await this.accounts.postDecidedAcross([mergedMemberId, survivingMemberId], async (accounts) => {
      const merged = accounts.get(mergedMemberId);
      if (!merged || !accounts.has(survivingMemberId)) throw new SurvivorAccountNotOpenError(survivingMemberId, mergedMemberId);
      const transfer = await this.entriesOf(merge, merged);
      // An entry marked applied is in its account's balances even once the account forgot its id.
      const postings: Posting[] = [transfer.out, transfer.in].filter((entry) => entry.applied !== true).map((entry) => ({ memberId: entry.memberId, items: [{ entry }] }));
      return { postings, result: [transfer.out, transfer.in] };
    });
    // Both entries are in their accounts' balances now: the ledger says so, and the accounts forget them.
    const unconfirmed = entries.filter((entry) => !entry.applied).map((entry) => entry.id);
    if (unconfirmed.length === 0) return;
    await this.ledger.markApplied(unconfirmed);
    await this.accounts.forgetConfirmed(entries.map((entry) => ({ memberId: entry.memberId, items: [{ entry }] })));
  }

  /**
   * The transfer's entries as an earlier delivery wrote them, or planned now from the merged
   * record's balances and the entries they hold, and written (the survivor's first, so a
   * transfer-out never exists without its transfer-in).
   */
  private async entriesOf(merge: MergeAnnounced, merged: AccountForPosting): Promise<{ out: LedgerEntry; in: LedgerEntry }> {
    const found = await this.ledger.findByIds([mergeOutEntryId(merge.mergedMemberId), mergeInEntryId(merge.mergedMemberId)]);
    const written = found.get(mergeInEntryId(merge.mergedMemberId));
    if (written) {
      const out = found.get(mergeOutEntryId(merge.mergedMemberId)) ?? outOf(written, merge);
      if (!found.has(out.id)) await this.ledger.insertOne(out);
      return { out, in: written };
    }
    const history = (await this.ledger.forMember(merge.mergedMemberId)).filter((entry) => entry.applied === true || merged.appliedEntryIds.has(entry.id));
    const transfer = planMergeTransfer({ ...merge, recordedAt: new Date(), balances: merged, entries: history });
    await this.ledger.insertOne(transfer.in);
    await this.ledger.insertOne(transfer.out);
    return transfer;
  }
}

/** The transfer-out of a transfer-in written before a crash: exactly what the survivor received, taken off. */
function outOf(transferIn: LedgerEntry, merge: MergeAnnounced): LedgerEntry {
  const deltas = Object.fromEntries(Object.entries(transferIn.deltas).map(([field, delta]) => [field, -delta]));
  return {
    id: mergeOutEntryId(merge.mergedMemberId),
    memberId: merge.mergedMemberId,
    kind: 'merge-out',
    deltas,
    cause: { type: 'merge-out', mergedInto: merge.survivingMemberId, mergedAt: merge.mergedAt },
    occurredAt: transferIn.occurredAt,
    recordedAt: transferIn.recordedAt,
  };
}
