/** The configuration that decides which receipts are accepted and how they earn. */
export interface ReceiptSettings {
  readonly timeZone: string;
  /** Days after the purchase's centre-local day during which its receipt may be submitted. */
  readonly submissionDays: number;
  readonly minAmountMinor: number;
  readonly maxAmountMinor: number;
  /** How far in the future a purchase time may be (clocks drift a little). */
  readonly clockSkewMs: number;
  /** Receipts per member, tenant and centre-local purchase day. */
  readonly perTenantPerDay: number;
  /** Days the points stay pending after the purchase, as for the feed's sales. */
  readonly returnWindowDays: number;
}

export const RECEIPT_SETTINGS = Symbol('RECEIPT_SETTINGS');
