import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DocumentLocks } from '@atrium/document-locks';
import { OutboxEntryFactory } from '@atrium/messaging';
import { LOGGER, type Logger } from '@atrium/observability';
import { AccountsRepository, type AccountForPosting, type PostingDecision, type PostingItem } from '../accounts/accounts.repository';
import { computeEarning, selectRuleSet } from '../earning/earning-calculator';
import { factorsOf } from '../earning/earning-factors';
import type { EarningRuleSet } from '../earning/earning-rule-set.entity';
import { EarningRulesService } from '../earning/earning-rules.service';
import { localDayKey } from '../earning/local-time';
import { earnEntryId, type LedgerEntry } from '../ledger/ledger-entry.entity';
import { ledgerEventOf } from '../ledger/ledger-events';
import { LedgerRepository } from '../ledger/ledger.repository';
import type { RejectedPurchase } from '../purchases/rejected-purchases.repository';
import type { Receipt, ReceiptApproval } from './receipt.entity';
import { ReceiptAlreadyEarnedError, ReceiptMemberFrozenError, ReceiptNotFoundError, ReceiptNotPendingError } from './receipt.errors';
import { RECEIPT_SETTINGS, type ReceiptSettings } from './receipt-settings';
import { ReceiptsRepository } from './receipts.repository';

const DAY_MS = 86_400_000;
const RECEIPTS = 'receipts';

/** Who approves: a member of staff, or the tenant's feed through a sale it reported without a member. */
export type ApprovalRequest = { readonly by: 'staff'; readonly staffId: string } | { readonly by: 'feed'; readonly sale: RejectedPurchase };

interface Earned {
  readonly entry: LedgerEntry;
  readonly earnedThrough: ReceiptApproval['earnedThrough'];
}

/**
 * Decides receipts. Every decision runs under the receipt's lock, so two approvals (or an
 * approval and a rejection) of one receipt never both act: the second finds it decided.
 *
 * Approval earns through the feed's own rules into the feed's own entry id
 * (`earn:<tenant>:<receipt>`), so a sale earns once whichever reports it first. The entry is
 * written and posted while the account's lock is held (AccountsRepository.postDecided), and
 * only this service posts entries caused by receipts (the feed leaves them alone), so no one
 * else can post it twice. If the process stops between the ledger write and the receipt's
 * status, the receipt is still pending and its entry names it: approving it again (by staff,
 * by the feed or by finishInterrupted at start-up) completes the approval from that entry.
 */
@Injectable()
export class ReceiptApprovalService implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly accounts: AccountsRepository,
    private readonly ledger: LedgerRepository,
    private readonly rules: EarningRulesService,
    private readonly outbox: OutboxEntryFactory,
    private readonly locks: DocumentLocks,
    @Inject(RECEIPT_SETTINGS) private readonly settings: ReceiptSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'receipt-approval' });
  }

  /** In the background: the service answers meanwhile, and a failure is retried at the next start. */
  onApplicationBootstrap(): void {
    this.finishInterrupted().then(
      (finished) => {
        if (finished > 0) this.log.info({ finished }, 'finished receipt approvals interrupted by a stop');
      },
      (error: unknown) => this.log.warn({ err: error }, 'could not finish interrupted receipt approvals; will try at the next start'),
    );
  }

  async approve(receiptId: string, request: ApprovalRequest, now = new Date()): Promise<Receipt> {
    return this.locks.withLocks(RECEIPTS, [receiptId], async () => {
      const receipt = await this.pending(receiptId);
      const earned = await this.earn(receipt, request, now);
      return this.receipts.markApproved(receipt.id, approvalOf(earned, request, now));
    });
  }

  async reject(receiptId: string, staffId: string, reason: string, now = new Date()): Promise<Receipt> {
    return this.locks.withLocks(RECEIPTS, [receiptId], async () => {
      const receipt = await this.pending(receiptId);
      const entry = await this.ledger.findById(earnEntryId(receipt.tenantId, receipt.receiptNumber));
      // An approval that stopped half-way has earned already: it is finished, not undone.
      if (entry && isEntryOf(entry, receipt)) throw new ReceiptAlreadyEarnedError(receipt.tenantId, receipt.receiptNumber, entry.id);
      return this.receipts.markRejected(receipt.id, { staffId, reason, at: now });
    });
  }

  /** Completes approvals that a stopped process left between the ledger and the receipt; returns how many. */
  async finishInterrupted(): Promise<number> {
    let finished = 0;
    for await (const page of this.receipts.streamPending()) {
      const entries = await this.ledger.findByIds(page.map((receipt) => earnEntryId(receipt.tenantId, receipt.receiptNumber)));
      for (const receipt of page) {
        const entry = entries.get(earnEntryId(receipt.tenantId, receipt.receiptNumber));
        if (!entry || !isEntryOf(entry, receipt) || entry.cause.type !== 'receipt') continue;
        // The entry says who approved; earn() takes everything else from the entry itself.
        const request: ApprovalRequest = { by: 'staff', staffId: entry.cause.approvedBy };
        try {
          await this.approve(receipt.id, request);
          finished++;
        } catch (error) {
          if (!(error instanceof ReceiptNotPendingError)) throw error;
        }
      }
    }
    return finished;
  }

  private async pending(receiptId: string): Promise<Receipt> {
    const receipt = await this.receipts.findById(receiptId);
    if (!receipt) throw new ReceiptNotFoundError(receiptId);
    if (receipt.status !== 'pending') throw new ReceiptNotPendingError(receipt);
    return receipt;
  }

  private async earn(receipt: Receipt, request: ApprovalRequest, now: Date): Promise<Earned> {
    const ruleSets = await this.rules.ruleSets();
    const { result, posted } = await this.accounts.postDecided(receipt.memberId, async (account): Promise<PostingDecision<Earned>> => {
      const id = earnEntryId(receipt.tenantId, receipt.receiptNumber);
      let existing = await this.ledger.findById(id);
      if (!existing) {
        if (account.frozen) throw new ReceiptMemberFrozenError(receipt.memberId);
        const entry = this.entryFor(receipt, request, account, ruleSets, now);
        if (await this.ledger.insertOne(entry)) return { item: this.itemFor(entry), result: { entry, earnedThrough: 'receipt' } };
        // The feed wrote the sale's entry between our read and our write.
        existing = await this.ledger.findById(id);
        if (!existing) throw new Error(`ledger entry ${id} was refused as a duplicate but cannot be read`);
      }
      if (isEntryOf(existing, receipt)) {
        // Written by an approval of this receipt that stopped before the end: post it unless the account holds it.
        return { ...(existing.applied ? {} : { item: this.itemFor(existing) }), result: { entry: existing, earnedThrough: 'receipt' } };
      }
      if (existing.memberId !== receipt.memberId) throw new ReceiptAlreadyEarnedError(receipt.tenantId, receipt.receiptNumber, existing.id);
      // The member's card earned this sale through the feed: approved, and nothing more to earn.
      return { result: { entry: existing, earnedThrough: 'feed' } };
    });
    if (result.earnedThrough === 'receipt' && !result.entry.applied) {
      // As the feed does: the entry's own mark first, then the account may forget the id.
      const item = posted ?? this.itemFor(result.entry);
      await this.ledger.markApplied([result.entry.id]);
      await this.accounts.forgetConfirmed([{ memberId: receipt.memberId, items: [item] }]);
    }
    return result;
  }

  /** The sale's entry, priced by the rules in effect at the sale as the feed would price it. */
  private entryFor(receipt: Receipt, request: ApprovalRequest, account: AccountForPosting, ruleSets: readonly EarningRuleSet[], now: Date): LedgerEntry {
    // A till's record of the sale is better evidence of its time and category than the shopper's.
    const sale = request.by === 'feed' ? request.sale : undefined;
    const occurredAt = sale?.occurredAt ?? receipt.purchasedAt;
    const category = sale?.category;
    const day = localDayKey(occurredAt, this.settings.timeZone);
    const earning = computeEarning(
      selectRuleSet(ruleSets, occurredAt),
      {
        amountMinor: receipt.amountMinor,
        currency: receipt.currency,
        tenantId: receipt.tenantId,
        ...(category ? { category } : {}),
        occurredAt,
        memberTier: account.tier,
      },
      { earnedTodayPoints: account.earnedByDay[day] ?? 0, timeZone: this.settings.timeZone },
    );
    return {
      id: earnEntryId(receipt.tenantId, receipt.receiptNumber),
      memberId: receipt.memberId,
      kind: 'earn',
      deltas: { pending: earning.points, lifetimeEarned: earning.points },
      cause: {
        type: 'receipt',
        receiptId: receipt.id,
        tenantId: receipt.tenantId,
        receiptNumber: receipt.receiptNumber,
        amountMinor: receipt.amountMinor,
        currency: receipt.currency,
        ...(category ? { category } : {}),
        approvedBy: request.by === 'feed' ? 'feed' : request.staffId,
        ...(sale ? { feedEventId: sale.eventId } : {}),
      },
      ruleVersion: earning.ruleVersion,
      factors: factorsOf(earning),
      occurredAt,
      recordedAt: now,
      maturesAt: new Date(occurredAt.getTime() + this.settings.returnWindowDays * DAY_MS),
    };
  }

  private itemFor(entry: LedgerEntry): PostingItem {
    const event = ledgerEventOf(this.outbox, entry);
    return { entry, ...(event ? { event } : {}), earnedOn: localDayKey(entry.occurredAt, this.settings.timeZone) };
  }
}

function isEntryOf(entry: LedgerEntry, receipt: Receipt): boolean {
  return entry.cause.type === 'receipt' && entry.cause.receiptId === receipt.id;
}

function approvalOf({ entry, earnedThrough }: Earned, request: ApprovalRequest, now: Date): ReceiptApproval {
  const common = { at: now, entryId: entry.id, points: entry.deltas.lifetimeEarned ?? 0, earnedThrough };
  const { cause } = entry;
  if (cause.type === 'receipt') {
    // The entry is the record of who approved (an interrupted approval may be finished by someone else).
    return cause.approvedBy === 'feed'
      ? { by: 'feed', ...(cause.feedEventId ? { feedEventId: cause.feedEventId } : {}), ...common }
      : { by: 'staff', staffId: cause.approvedBy, ...common };
  }
  const feedEventId = cause.type === 'purchase' ? cause.sourceEventId : undefined;
  return request.by === 'staff'
    ? { by: 'staff', staffId: request.staffId, ...(feedEventId ? { feedEventId } : {}), ...common }
    : { by: 'feed', ...(feedEventId ? { feedEventId } : {}), ...common };
}
