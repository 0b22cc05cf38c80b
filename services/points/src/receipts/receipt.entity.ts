/** A receipt waits for staff (or the tenant's feed) to approve or reject it. */
export type ReceiptStatus = 'pending' | 'approved' | 'rejected';

export const RECEIPT_STATUSES: readonly ReceiptStatus[] = ['pending', 'approved', 'rejected'];

/** Who handed the receipt in: a member of the desk staff for the shopper, or the shopper themself. */
export type ReceiptSubmitter = { readonly channel: 'desk'; readonly staffId: string } | { readonly channel: 'shopper' };

/** How an approved receipt earned its points. */
export interface ReceiptApproval {
  /** `staff` approved it, or the tenant's `feed` reported the same sale. */
  readonly by: 'staff' | 'feed';
  readonly staffId?: string;
  /** The till's event that reported the same sale, when the feed approved it. */
  readonly feedEventId?: string;
  readonly at: Date;
  /** The ledger entry that holds the sale's points (`earn:<tenant>:<receipt>`). */
  readonly entryId: string;
  readonly points: number;
  /**
   * `receipt`: this approval wrote the entry. `feed`: the member's card had already earned the
   * same sale through the tenant's feed, so the receipt earned nothing more.
   */
  readonly earnedThrough: 'receipt' | 'feed';
}

export interface ReceiptRejection {
  readonly staffId: string;
  /** Shown to the shopper in their list of receipts. */
  readonly reason: string;
  readonly at: Date;
}

/** A receipt a shopper or the desk submitted to earn points on a sale the feed did not credit. */
export interface Receipt {
  readonly id: string;
  readonly memberId: string;
  readonly tenantId: string;
  readonly receiptNumber: string;
  readonly purchasedAt: Date;
  /** In minor units of `currency`. */
  readonly amountMinor: number;
  readonly currency: string;
  /** Where the photo of the receipt is (a URL or a storage key); the points service does not hold images. */
  readonly photo: string;
  readonly submittedBy: ReceiptSubmitter;
  readonly submittedAt: Date;
  readonly status: ReceiptStatus;
  readonly approval?: ReceiptApproval;
  readonly rejection?: ReceiptRejection;
}
