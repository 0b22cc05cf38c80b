import { Inject, Injectable } from '@nestjs/common';
import type { TillRefundDto, TillSaleDto } from './dto/till-batch.dto';
import { TillBatchInvalidError, TillBatchWrongTenantError, TillRateLimitedError } from './pos.errors';
import { judgeTillBatch } from './till-batch.rules';
import { TillEventsPublisher, type AcceptedTillItem } from './till-events.publisher';
import type { TillKey } from './till-key.entity';
import { TillKeysService } from './till-keys.service';
import { TillRateCounter } from './till-rate-counter';
import { decideTillRequest } from './till-rate-window';

export const TILL_LIMITS = Symbol('TILL_LIMITS');

export interface TillLimits {
  readonly POS_RATE_LIMIT_REQUESTS: number;
  readonly POS_RATE_LIMIT_WINDOW_SECONDS: number;
  readonly POS_MAX_BATCH_ITEMS: number;
}

/** A till's request: its key, its rate, its batch as a whole, then the events. */
@Injectable()
export class TillsService {
  constructor(
    private readonly keys: TillKeysService,
    private readonly counter: TillRateCounter,
    private readonly events: TillEventsPublisher,
    @Inject(TILL_LIMITS) private readonly limits: TillLimits,
  ) {}

  /** The key, once its request is within the key's rate. */
  async admit(apiKey: string | undefined): Promise<TillKey> {
    const key = await this.keys.authenticate(apiKey);
    const count = await this.counter.count(key.keyId, this.limits.POS_RATE_LIMIT_WINDOW_SECONDS);
    const verdict = decideTillRequest(count, this.limits.POS_RATE_LIMIT_REQUESTS, this.limits.POS_RATE_LIMIT_WINDOW_SECONDS);
    if (!verdict.allowed) throw new TillRateLimitedError(verdict.retryAfterSeconds);
    return key;
  }

  async recordSales(key: TillKey, sales: readonly TillSaleDto[]): Promise<AcceptedTillItem[]> {
    this.judge(key, sales.map((sale) => ({ type: 'purchase.recorded', tenantId: sale.tenantId })));
    return this.events.publishSales(sales);
  }

  async recordRefunds(key: TillKey, refunds: readonly TillRefundDto[]): Promise<AcceptedTillItem[]> {
    this.judge(key, refunds.map((refund) => ({ type: 'purchase.refunded', tenantId: refund.tenantId })));
    return this.events.publishRefunds(refunds);
  }

  private judge(key: TillKey, items: Parameters<typeof judgeTillBatch>[0]): void {
    const verdict = judgeTillBatch(items, key.tenantId, this.limits.POS_MAX_BATCH_ITEMS);
    if (verdict.accepted) return;
    if (verdict.reason === 'batch.wrong-tenant') throw new TillBatchWrongTenantError(verdict.faults);
    throw new TillBatchInvalidError(verdict.reason, verdict.faults);
  }
}
