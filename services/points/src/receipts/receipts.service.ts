import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@atrium/errors';
import { LOGGER, type Logger } from '@atrium/observability';
import { AccountsRepository } from '../accounts/accounts.repository';
import { EarningRulesService } from '../earning/earning-rules.service';
import { CurrencyMismatchError } from '../earning/earning.errors';
import { localDayKey } from '../earning/local-time';
import { earnEntryId } from '../ledger/ledger-entry.entity';
import { LedgerRepository } from '../ledger/ledger.repository';
import { RejectedPurchasesRepository } from '../purchases/rejected-purchases.repository';
import { TenantsRepository } from '../tenants/tenants.repository';
import type { Receipt, ReceiptSubmitter } from './receipt.entity';
import {
  DuplicateReceiptError,
  ReceiptAlreadyEarnedError,
  ReceiptDailyLimitError,
  ReceiptMemberFrozenError,
  ReceiptMemberUnknownError,
  ReceiptNotFoundError,
  ReceiptRefusedError,
  ReceiptTenantClosedError,
  ReceiptTenantUnknownError,
} from './receipt.errors';
import { checkReceipt, dailySlotKey, duplicateKey, sameSale, UNCLAIMED_SALE_CODES, type ReceiptFacts } from './receipt-rules';
import { RECEIPT_SETTINGS, type ReceiptSettings } from './receipt-settings';
import { ReceiptApprovalService } from './receipt-approval.service';
import { ReceiptsRepository, type ReceiptFilter } from './receipts.repository';

export interface ReceiptSubmission extends ReceiptFacts {
  readonly photo: string;
}

/**
 * Takes receipts in. Every rule is checked before the one write (the insert), so a refused
 * receipt leaves nothing behind; duplicates and the daily limit are decided by unique keys,
 * so two submissions at the same moment cannot both get through.
 */
@Injectable()
export class ReceiptsService {
  private readonly log: Logger;

  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly approval: ReceiptApprovalService,
    private readonly accounts: AccountsRepository,
    private readonly tenants: TenantsRepository,
    private readonly ledger: LedgerRepository,
    private readonly rejectedSales: RejectedPurchasesRepository,
    private readonly rules: EarningRulesService,
    @Inject(RECEIPT_SETTINGS) private readonly settings: ReceiptSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'receipts' });
  }

  /**
   * Records a receipt as pending; approves it at once when the tenant's feed reported the same
   * sale without a member. Refuses it (nothing written) when it breaks a rule.
   */
  async submit(submission: ReceiptSubmission, submittedBy: ReceiptSubmitter, now = new Date()): Promise<Receipt> {
    const refusal = checkReceipt(submission, this.settings, now);
    if (refusal) throw new ReceiptRefusedError(refusal);
    await this.checkParties(submission);
    const ruleSet = await this.rules.ruleSetAt(submission.purchasedAt);
    if (ruleSet.currency !== submission.currency) throw new CurrencyMismatchError(submission.currency, ruleSet.currency);

    const key = duplicateKey(submission, this.settings.timeZone);
    const earlier = await this.receipts.findByDuplicateKey(key);
    if (earlier) throw new DuplicateReceiptError(earlier);
    const earned = await this.ledger.findById(earnEntryId(submission.tenantId, submission.receiptNumber));
    if (earned) throw new ReceiptAlreadyEarnedError(submission.tenantId, submission.receiptNumber, earned.id);

    const receipt: Receipt = {
      id: randomUUID(),
      memberId: submission.memberId,
      tenantId: submission.tenantId,
      receiptNumber: submission.receiptNumber,
      purchasedAt: submission.purchasedAt,
      amountMinor: submission.amountMinor,
      currency: submission.currency,
      photo: submission.photo,
      submittedBy,
      submittedAt: now,
      status: 'pending',
    };
    await this.insert(receipt, key);
    return this.approveIfTheFeedHasIt(receipt);
  }

  async get(receiptId: string): Promise<Receipt> {
    const receipt = await this.receipts.findById(receiptId);
    if (!receipt) throw new ReceiptNotFoundError(receiptId);
    return receipt;
  }

  async list(filter: ReceiptFilter): Promise<Receipt[]> {
    return this.receipts.list(filter);
  }

  private async checkParties(submission: ReceiptSubmission): Promise<void> {
    const [account, tenants] = await Promise.all([this.accounts.findByMemberId(submission.memberId), this.tenants.findByIds([submission.tenantId])]);
    if (!account) throw new ReceiptMemberUnknownError(submission.memberId);
    if (account.frozen) throw new ReceiptMemberFrozenError(submission.memberId);
    const tenant = tenants.get(submission.tenantId);
    if (!tenant) throw new ReceiptTenantUnknownError(submission.tenantId);
    if (tenant.status !== 'open') throw new ReceiptTenantClosedError(submission.tenantId);
  }

  /** Takes the first free place of the member's day for this tenant; the unique keys decide races. */
  private async insert(receipt: Receipt, key: string): Promise<void> {
    for (let slot = 1; slot <= this.settings.perTenantPerDay; slot++) {
      if (await this.receipts.insert(receipt, { duplicateKey: key, dailySlot: dailySlotKey(receipt, this.settings.timeZone, slot) })) return;
      // Refused by a unique key: the same receipt submitted a moment ago, or this place is taken.
      const duplicate = await this.receipts.findByDuplicateKey(key);
      if (duplicate) throw new DuplicateReceiptError(duplicate);
    }
    throw new ReceiptDailyLimitError(this.settings.perTenantPerDay, receipt.tenantId, localDayKey(receipt.purchasedAt, this.settings.timeZone));
  }

  private async approveIfTheFeedHasIt(receipt: Receipt): Promise<Receipt> {
    const sales = await this.rejectedSales.salesOf(receipt, UNCLAIMED_SALE_CODES);
    const sale = sales.find((candidate) => sameSale(receipt, candidate));
    if (!sale) return receipt;
    try {
      return await this.approval.approve(receipt.id, { by: 'feed', sale });
    } catch (error) {
      // The receipt is recorded; staff decide it if the feed's sale cannot approve it.
      if (!(error instanceof DomainError)) throw error;
      this.log.warn({ receiptId: receipt.id, code: error.code }, 'the feed\'s sale could not approve the receipt; left pending');
      return (await this.receipts.findById(receipt.id)) ?? receipt;
    }
  }
}
