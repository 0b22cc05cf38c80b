/**
 * The checks a sale or refund from a point-of-sale system must pass before it can touch the
 * ledger, beyond its contract: pure, so each rule is unit-tested alone.
 */

export interface PurchaseLimits {
  /** The largest amount one sale may have, in minor units; more is a typing error or fraud. */
  readonly maxAmountMinor: number;
  /** How far in the future a sale's time may be (tills' clocks drift a little). */
  readonly clockSkewMs: number;
}

export interface CheckedFields {
  readonly cardNumber: string;
  readonly phone: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly occurredAt: Date;
}

export interface Rejection {
  readonly code: string;
  readonly reason: string;
}

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The first rule the sale breaks, or undefined when it may be priced. */
export function checkPurchase(fields: CheckedFields, limits: PurchaseLimits, now: Date): Rejection | undefined {
  if (!fields.cardNumber && !fields.phone) return { code: 'purchase.member-missing', reason: 'neither cardNumber nor phone names the member' };
  if (fields.amountMinor <= 0n) return { code: 'purchase.amount-not-positive', reason: `amountMinor must be positive, was ${fields.amountMinor}` };
  if (fields.amountMinor > BigInt(limits.maxAmountMinor)) {
    return { code: 'purchase.amount-absurd', reason: `amountMinor ${fields.amountMinor} is above the limit of ${limits.maxAmountMinor}` };
  }
  if (!KNOWN_CURRENCIES.has(fields.currency)) return { code: 'purchase.currency-unknown', reason: `currency "${fields.currency}" is not an ISO 4217 code` };
  if (fields.occurredAt.getTime() > now.getTime() + limits.clockSkewMs) {
    return { code: 'purchase.in-the-future', reason: `occurredAt ${fields.occurredAt.toISOString()} is in the future` };
  }
  return undefined;
}

const DAY_MS = 86_400_000;

/**
 * A sale that happened before its member existed, or longer ago than `maxAgeDays`, earns
 * nothing: a till replaying an old backlog, or old receipts put on a new card. Refunds are not
 * checked: they refer to a sale that earned already. `registeredAt` is undefined for accounts
 * opened before the registration time was kept; only the age is checked then.
 */
export function checkSaleDate(occurredAt: Date, registeredAt: Date | undefined, maxAgeDays: number, now: Date): Rejection | undefined {
  if (registeredAt && occurredAt.getTime() < registeredAt.getTime()) {
    return { code: 'purchase.before-registration', reason: `occurredAt ${occurredAt.toISOString()} is before the member registered (${registeredAt.toISOString()})` };
  }
  if (occurredAt.getTime() < now.getTime() - maxAgeDays * DAY_MS) {
    return { code: 'purchase.too-old', reason: `occurredAt ${occurredAt.toISOString()} is more than ${maxAgeDays} days ago` };
  }
  return undefined;
}

/**
 * A sale naming a card that was its member's but earns no more (replaced, reported lost, closed
 * by a merge or an erasure): refused with that reason, not as a card of nobody, so staff can tell
 * the shopper to use the current card.
 */
export function retiredCardRejection(cardNumber: string): Rejection {
  return { code: 'purchase.card-retired', reason: `card ${cardNumber} was replaced, reported lost or closed and earns no more` };
}
