import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { PurchaseRecordedSchema, PurchaseRefundedSchema, TOPICS } from '@atrium/contracts';
import { EventCodec, EventPublisher, type OutboxEntry } from '@atrium/messaging';
import type { TillRefundDto, TillSaleDto } from './dto/till-batch.dto';
import { tillEventId } from './till-event-id';

/** The envelope's producer for what tills send through the gateway (the Kafka path names its own). */
const PRODUCER = 'gateway-pos';

export interface AcceptedTillItem {
  readonly number: string;
  readonly eventId: string;
}

/**
 * Puts a till's batch on the purchases topic as the same events a till writing to Kafka sends.
 * The whole batch is encoded (and so checked against the contract) before any of it is sent,
 * and sent in one request that waits for every in-sync replica; the answer comes after that.
 */
@Injectable()
export class TillEventsPublisher {
  constructor(
    private readonly codec: EventCodec,
    private readonly publisher: EventPublisher,
  ) {}

  async publishSales(sales: readonly TillSaleDto[]): Promise<AcceptedTillItem[]> {
    const entries = sales.map((sale) => {
      const eventId = tillEventId('purchase.recorded', sale.tenantId, sale.receiptNumber);
      // As on the Kafka path: the member's card or phone, so a member's events stay in order.
      const key = sale.cardNumber || sale.phone || `${sale.tenantId}:${sale.receiptNumber}`;
      const value = this.codec.encode(
        TOPICS.purchases,
        'purchase.recorded',
        PurchaseRecordedSchema,
        {
          receiptNumber: sale.receiptNumber,
          tenantId: sale.tenantId,
          cardNumber: sale.cardNumber ?? '',
          phone: sale.phone ?? '',
          amountMinor: BigInt(sale.amountMinor),
          currency: sale.currency,
          occurredAt: timestampFromDate(new Date(sale.occurredAt)),
          category: sale.category ?? '',
        },
        { eventId, key, occurredAt: new Date(), producer: PRODUCER, traceId: eventId },
      );
      return entry(eventId, 'purchase.recorded', key, value, sale.receiptNumber);
    });
    await this.publisher.publish(entries.map((accepted) => accepted.entry));
    return entries.map((accepted) => accepted.item);
  }

  async publishRefunds(refunds: readonly TillRefundDto[]): Promise<AcceptedTillItem[]> {
    const entries = refunds.map((refund) => {
      const eventId = tillEventId('purchase.refunded', refund.tenantId, refund.refundNumber);
      const key = refund.cardNumber || refund.phone || `${refund.tenantId}:${refund.receiptNumber}`;
      const value = this.codec.encode(
        TOPICS.purchases,
        'purchase.refunded',
        PurchaseRefundedSchema,
        {
          refundNumber: refund.refundNumber,
          receiptNumber: refund.receiptNumber,
          tenantId: refund.tenantId,
          cardNumber: refund.cardNumber ?? '',
          phone: refund.phone ?? '',
          amountMinor: BigInt(refund.amountMinor),
          currency: refund.currency,
          occurredAt: timestampFromDate(new Date(refund.occurredAt)),
        },
        { eventId, key, occurredAt: new Date(), producer: PRODUCER, traceId: eventId },
      );
      return entry(eventId, 'purchase.refunded', key, value, refund.refundNumber);
    });
    await this.publisher.publish(entries.map((accepted) => accepted.entry));
    return entries.map((accepted) => accepted.item);
  }
}

function entry(eventId: string, type: string, key: string, value: string, number: string): { entry: OutboxEntry; item: AcceptedTillItem } {
  return { entry: { eventId, topic: TOPICS.purchases.name, type, key, value, createdAt: new Date() }, item: { number, eventId } };
}
