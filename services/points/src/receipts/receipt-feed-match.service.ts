import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@atrium/errors';
import { LOGGER, type Logger } from '@atrium/observability';
import type { RejectedPurchase } from '../purchases/rejected-purchases.repository';
import { sameSale, UNCLAIMED_SALE_CODES } from './receipt-rules';
import { ReceiptApprovalService } from './receipt-approval.service';
import { ReceiptsRepository } from './receipts.repository';

/**
 * The feed's side of auto-approval: after a batch, the sales it refused because no member was
 * named are looked up among pending receipts (one query, only when there are such sales), and a
 * receipt of the same sale is approved. The batch's offset is committed only after this, so a
 * crash makes the batch run again, and with it this.
 */
@Injectable()
export class ReceiptFeedMatchService {
  private readonly log: Logger;

  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly approval: ReceiptApprovalService,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'receipt-feed-match' });
  }

  /** Approves the pending receipts of these refused sales; returns how many. */
  async approveMatching(rejected: readonly RejectedPurchase[]): Promise<number> {
    const unclaimed = rejected.filter((sale) => sale.type === 'purchase.recorded' && UNCLAIMED_SALE_CODES.includes(sale.code) && sale.amountMinor !== undefined);
    if (unclaimed.length === 0) return 0;
    let approved = 0;
    for (const receipt of await this.receipts.findPendingOfSales(unclaimed)) {
      const sale = unclaimed.find((candidate) => sameSale(receipt, candidate));
      if (!sale) continue;
      try {
        await this.approval.approve(receipt.id, { by: 'feed', sale });
        approved++;
      } catch (error) {
        // Decided meanwhile, or a member frozen since: staff see it in the pending list.
        if (!(error instanceof DomainError)) throw error;
        this.log.warn({ receiptId: receipt.id, code: error.code }, 'the feed\'s sale could not approve a pending receipt');
      }
    }
    return approved;
  }
}
