import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS, type PurchaseRecorded, type PurchaseRefunded } from '@atrium/contracts';
import { ConsumeEventBatch, type BatchOutcome, type ConsumedEvent } from '@atrium/messaging';
import { ReceiptFeedMatchService } from '../receipts/receipt-feed-match.service';
import { PurchaseIngestService } from './purchase-ingest.service';

const NOTHING_REJECTED: BatchOutcome = { rejected: [] };

/**
 * The purchase feed from tenants' tills, in batches. Business rejections (unknown card, closed
 * tenant, absurd amount) are recorded for staff by the ingest; messages that break the
 * contract never get here (the consumer runner dead-letters them). A sale refused because it
 * names no member approves a pending receipt of the same sale.
 */
@Controller()
export class PurchasesConsumer {
  constructor(
    private readonly ingest: PurchaseIngestService,
    private readonly receipts: ReceiptFeedMatchService,
  ) {}

  @ConsumeEventBatch(TOPICS.purchases, 'purchase.recorded', { ownIdempotencyKey: true })
  async onSales(@Payload() sales: ConsumedEvent<PurchaseRecorded>[]): Promise<BatchOutcome> {
    const refused = await this.ingest.recordSales(sales);
    await this.receipts.approveMatching(refused);
    return NOTHING_REJECTED;
  }

  @ConsumeEventBatch(TOPICS.purchases, 'purchase.refunded')
  async onRefunds(@Payload() refunds: ConsumedEvent<PurchaseRefunded>[]): Promise<BatchOutcome> {
    await this.ingest.recordRefunds(refunds);
    return NOTHING_REJECTED;
  }
}
