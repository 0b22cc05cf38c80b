/**
 * The rules a submitted receipt must pass, and the keys that make duplicates and the daily
 * limit hold under concurrency (unique indexes on them): pure, so each is unit-tested alone.
 */
import type { FieldProblem } from '@atrium/errors';
import { localDayBounds, localDayKey } from '../earning/local-time';
import type { ReceiptSettings } from './receipt-settings';

const DAY_MS = 86_400_000;
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * The feed's refusal codes of a sale that no member claimed (no card, or a card or phone of
 * nobody): a receipt for the same sale proves who made it, so it is approved at once.
 */
export const UNCLAIMED_SALE_CODES: readonly string[] = ['purchase.member-unknown', 'purchase.member-missing'];

export interface ReceiptFacts {
  readonly memberId: string;
  readonly tenantId: string;
  readonly receiptNumber: string;
  readonly purchasedAt: Date;
  readonly amountMinor: number;
  readonly currency: string;
}

export type ReceiptLimits = Pick<ReceiptSettings, 'timeZone' | 'submissionDays' | 'minAmountMinor' | 'maxAmountMinor' | 'clockSkewMs'>;

/** Why a receipt is refused before anything is written: a code and the field at fault. */
export interface ReceiptRefusal extends FieldProblem {
  readonly code: string;
}

/**
 * The last instant a receipt of a purchase made at `purchasedAt` may be submitted (exclusive):
 * the end of the centre-local day `submissionDays` after the purchase's day, so a purchase on
 * 1 November at 21:00 may be submitted until 1 December 24:00 with 30 days.
 */
export function submissionDeadline(purchasedAt: Date, limits: Pick<ReceiptLimits, 'timeZone' | 'submissionDays'>): Date {
  // Whole days of 24 hours land on the right local day in zones without daylight saving (local-time.ts).
  return localDayBounds(new Date(purchasedAt.getTime() + limits.submissionDays * DAY_MS), limits.timeZone).end;
}

/** The first rule the receipt breaks, or undefined when it may be recorded. */
export function checkReceipt(facts: Pick<ReceiptFacts, 'purchasedAt' | 'amountMinor' | 'currency'>, limits: ReceiptLimits, now: Date): ReceiptRefusal | undefined {
  if (facts.amountMinor < limits.minAmountMinor) {
    return { code: 'receipt.amount-below-minimum', field: 'amountMinor', message: `must be at least ${limits.minAmountMinor} minor units for a receipt to earn points` };
  }
  if (facts.amountMinor > limits.maxAmountMinor) {
    return { code: 'receipt.amount-absurd', field: 'amountMinor', message: `must be at most ${limits.maxAmountMinor} minor units` };
  }
  if (!KNOWN_CURRENCIES.has(facts.currency)) {
    return { code: 'receipt.currency-unknown', field: 'currency', message: `"${facts.currency}" is not an ISO 4217 currency code` };
  }
  if (facts.purchasedAt.getTime() > now.getTime() + limits.clockSkewMs) {
    return { code: 'receipt.in-the-future', field: 'purchasedAt', message: 'must not be in the future' };
  }
  const deadline = submissionDeadline(facts.purchasedAt, limits);
  if (now.getTime() >= deadline.getTime()) {
    return {
      code: 'receipt.too-late',
      field: 'purchasedAt',
      message: `receipts must be submitted within ${limits.submissionDays} days of the purchase; this one could be until ${deadline.toISOString()}`,
    };
  }
  return undefined;
}

/**
 * Two receipts with the same key are the same receipt: same tenant, receipt number, centre-local
 * purchase day and amount. Tenant ids hold no "|", and the day and amount are read from the
 * right, so no two different receipts share a key.
 */
export function duplicateKey(facts: Pick<ReceiptFacts, 'tenantId' | 'receiptNumber' | 'purchasedAt' | 'amountMinor'>, timeZone: string): string {
  return `${facts.tenantId}|${facts.receiptNumber}|${localDayKey(facts.purchasedAt, timeZone)}|${facts.amountMinor}`;
}

/**
 * One of the `perTenantPerDay` places a member has for one tenant's purchases of one
 * centre-local day (1-based). A receipt takes the first free one under a unique index, so
 * concurrent submissions can never take more places than there are.
 */
export function dailySlotKey(facts: Pick<ReceiptFacts, 'memberId' | 'tenantId' | 'purchasedAt'>, timeZone: string, slot: number): string {
  return `${facts.memberId}|${facts.tenantId}|${localDayKey(facts.purchasedAt, timeZone)}|${slot}`;
}

/** Whether the till's sale is the receipt's sale: same tenant, receipt number, amount and currency. */
export function sameSale(
  receipt: Pick<ReceiptFacts, 'tenantId' | 'receiptNumber' | 'amountMinor' | 'currency'>,
  sale: { readonly tenantId: string; readonly receiptNumber: string; readonly amountMinor?: number; readonly currency?: string },
): boolean {
  return (
    receipt.tenantId === sale.tenantId &&
    receipt.receiptNumber === sale.receiptNumber &&
    receipt.amountMinor === sale.amountMinor &&
    receipt.currency === sale.currency
  );
}
