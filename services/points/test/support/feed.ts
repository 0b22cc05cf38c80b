import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  CardIssuedSchema,
  MemberRegisteredSchema,
  PurchaseRecordedSchema,
  PurchaseRefundedSchema,
  RegistrationChannel,
  TOPICS,
} from '@atrium/contracts';
import { EventCodec } from '@atrium/messaging';
import { infraEnv } from '@atrium/testing';

export interface TestMember {
  readonly memberId: string;
  readonly phone: string;
  readonly cardNumber: string;
}

export interface Sale {
  readonly receiptNumber: string;
  readonly tenantId: string;
  /** The member's card; a sale may name the member by phone instead, or by neither (a shopper without a card). */
  readonly cardNumber?: string;
  readonly phone?: string;
  readonly amountMinor: number;
  readonly currency?: string;
  readonly occurredAt?: Date;
  readonly category?: string;
}

export interface Refund {
  readonly refundNumber: string;
  readonly receiptNumber: string;
  readonly tenantId: string;
  readonly cardNumber: string;
  readonly amountMinor: number;
}

/** A burst of sales with the points they must end in. */
export interface SalesBurst {
  readonly sales: readonly Sale[];
  /** Points per member id. */
  readonly expected: ReadonlyMap<string, number>;
  readonly total: number;
  readonly messages: readonly { key: string; value: string }[];
}

/**
 * A registration time before the years-old sales that settlement tests are made of (their
 * points service is started with PURCHASE_MAX_AGE_DAYS 3660, so such sales still earn).
 */
export const LONG_AGO = new Date(Date.now() - 9 * 365 * 86_400_000);

/**
 * Plays the other side of the points service: the member service (registrations and cards)
 * and tenants' tills (sales and refunds), writing real envelopes to the real topics.
 */
export class Feed {
  private readonly codec = new EventCodec([TOPICS.memberEvents, TOPICS.purchases]);
  private producer?: Producer;

  async start(): Promise<this> {
    const kafka = new Kafka({ clientId: 'points-test-feed', brokers: infraEnv().kafkaBrokers, logLevel: 1 });
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    return this;
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }

  /**
   * New members with cards, as the member service announces them; registered now unless
   * `registeredAt` is given (a test of old sales registers its members before them).
   */
  async registerMembers(count: number, registeredAt = new Date()): Promise<TestMember[]> {
    const members = Array.from({ length: count }, (_, index) => ({
      memberId: randomUUID(),
      phone: `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      cardNumber: `77${Date.now().toString().slice(-8)}${String(index).padStart(6, '0')}`,
    }));
    const messages = members.flatMap((member) => {
      const metadata = () => ({ eventId: randomUUID(), key: member.memberId, occurredAt: new Date(), producer: 'member', traceId: randomUUID() });
      return [
        {
          key: member.memberId,
          value: this.codec.encode(
            TOPICS.memberEvents,
            'member.registered',
            MemberRegisteredSchema,
            { memberId: member.memberId, phone: member.phone, name: 'Test Shopper', channel: RegistrationChannel.DESK, registeredAt: timestampFromDate(registeredAt) },
            metadata(),
          ),
        },
        {
          key: member.memberId,
          value: this.codec.encode(
            TOPICS.memberEvents,
            'member.card-issued',
            CardIssuedSchema,
            { memberId: member.memberId, cardNumber: member.cardNumber, issuedAt: timestampFromDate(new Date()) },
            metadata(),
          ),
        },
      ];
    });
    await this.producer!.send({ topic: TOPICS.memberEvents.name, acks: -1, messages });
    return members;
  }

  /** Another card for a member, as the member service announces it (member.card-issued). */
  async issueCard(member: TestMember, cardNumber: string): Promise<void> {
    const eventId = randomUUID();
    const value = this.codec.encode(
      TOPICS.memberEvents,
      'member.card-issued',
      CardIssuedSchema,
      { memberId: member.memberId, cardNumber, issuedAt: timestampFromDate(new Date()) },
      { eventId, key: member.memberId, occurredAt: new Date(), producer: 'member', traceId: eventId },
    );
    await this.producer!.send({ topic: TOPICS.memberEvents.name, acks: -1, messages: [{ key: member.memberId, value }] });
  }

  /**
   * `count` sales of one tenant spread round-robin over `members`, the points each member must
   * end with (1 point per 100 fen, rounded down, computed here independently of the service),
   * and their messages with every 20th sale delivered twice: the same event again, as after a
   * producer retry, or with `twice: 'as-new-event'` a second event of the same receipt, as when
   * a till sends it again.
   */
  salesBurst(receiptPrefix: string, tenantId: string, members: readonly TestMember[], count: number, twice: 'same-event' | 'as-new-event' = 'same-event'): SalesBurst {
    const sales = Array.from({ length: count }, (_, index) => ({
      receiptNumber: `${receiptPrefix}-${index}`,
      tenantId,
      cardNumber: members[index % members.length].cardNumber,
      amountMinor: 100 + ((index * 7919) % 50_000),
    }));
    const expected = new Map(members.map((member) => [member.memberId, 0]));
    sales.forEach((sale, index) => {
      const memberId = members[index % members.length].memberId;
      expected.set(memberId, expected.get(memberId)! + Math.floor(sale.amountMinor / 100));
    });
    const total = [...expected.values()].reduce((sum, points) => sum + points, 0);
    const messages = sales.flatMap((sale, index) => {
      const message = this.saleMessage(sale);
      if (index % 20 !== 0) return [message];
      return [message, twice === 'same-event' ? message : this.saleMessage(sale)];
    });
    return { sales, expected, total, messages };
  }

  saleMessage(sale: Sale, eventId = randomUUID()): { key: string; value: string } {
    // A till keys a sale without card or phone by something of its own; the receipt will do.
    const key = sale.cardNumber || sale.phone || `${sale.tenantId}:${sale.receiptNumber}`;
    return {
      key,
      value: this.codec.encode(
        TOPICS.purchases,
        'purchase.recorded',
        PurchaseRecordedSchema,
        {
          receiptNumber: sale.receiptNumber,
          tenantId: sale.tenantId,
          cardNumber: sale.cardNumber ?? '',
          phone: sale.phone ?? '',
          amountMinor: BigInt(sale.amountMinor),
          currency: sale.currency ?? 'CNY',
          occurredAt: timestampFromDate(sale.occurredAt ?? new Date()),
          category: sale.category ?? '',
        },
        { eventId, key, occurredAt: new Date(), producer: 'pos-test', traceId: eventId },
      ),
    };
  }

  refundMessage(refund: Refund): { key: string; value: string } {
    const eventId = randomUUID();
    return {
      key: refund.cardNumber,
      value: this.codec.encode(
        TOPICS.purchases,
        'purchase.refunded',
        PurchaseRefundedSchema,
        {
          refundNumber: refund.refundNumber,
          receiptNumber: refund.receiptNumber,
          tenantId: refund.tenantId,
          cardNumber: refund.cardNumber,
          amountMinor: BigInt(refund.amountMinor),
          currency: 'CNY',
          occurredAt: timestampFromDate(new Date()),
        },
        { eventId, key: refund.cardNumber, occurredAt: new Date(), producer: 'pos-test', traceId: eventId },
      ),
    };
  }

  async send(messages: readonly { key: string; value: string }[]): Promise<void> {
    for (let start = 0; start < messages.length; start += 1_000) {
      await this.producer!.send({ topic: TOPICS.purchases.name, acks: -1, messages: messages.slice(start, start + 1_000) });
    }
  }
}
