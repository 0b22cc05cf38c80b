import type { PlateRegion } from '../rewards/licence-plate';
import type { Funding, RewardKind } from '../rewards/reward.entity';

/** `desk`: redeemed at a desk for the member; `online`: reserved by the shopper, collected at a desk. */
export type RedemptionChannel = 'desk' | 'online';

/**
 * - `processing`: points and stock are being taken (the recovery marker: a stopped process
 *   leaves it, and the next start completes or undoes it);
 * - `completed`: redeemed at a desk; `reserved`: held for an online reservation until it is
 *   `collected` or `expired`;
 * - `cancelled`: points and stock given back; `failed`: an interrupted redemption undone at
 *   start-up, nothing taken.
 */
export type RedemptionStatus = 'processing' | 'completed' | 'reserved' | 'collected' | 'cancelled' | 'expired' | 'failed';

/** Statuses whose units and hours count against stock, limits and a plate's daily hours. */
export const HOLDING_STATUSES: readonly RedemptionStatus[] = ['processing', 'completed', 'reserved', 'collected'];

/** Who gave the points back, and why. */
export type CancelReason = 'staff' | 'shopper' | 'reservation-expired';

export interface RedemptionCancellation {
  readonly at: Date;
  readonly reason: CancelReason;
  /** The staff member who cancelled it, when staff did. */
  readonly staffId?: string;
  /** What staff wrote, when they wrote something. */
  readonly note?: string;
}

export interface ParkingGrant {
  readonly plate: string;
  readonly region: PlateRegion;
  readonly hours: number;
  /** The centre-local day ("2026-11-27") the hours are for. */
  readonly day: string;
}

/** A member's exchange of points for a reward (積分換禮 / 停車優惠), at a desk or reserved online. */
export interface Redemption {
  readonly id: string;
  /** Short and unique, for the slip and for people to read out: "K7M2-QX4P". */
  readonly code: string;
  readonly channel: RedemptionChannel;
  readonly status: RedemptionStatus;
  readonly memberId: string;
  readonly rewardId: string;
  /** The reward as it was when redeemed. */
  readonly rewardName: string;
  readonly rewardKind: RewardKind;
  readonly funding: Funding;
  /** The desk whose stock is taken (gifts), or where the redemption was made. */
  readonly location?: string;
  readonly quantity: number;
  /** Points per unit (per hour for parking) when redeemed. */
  readonly pointsPrice: number;
  /** Points taken in all. */
  readonly points: number;
  readonly parking?: ParkingGrant;
  /** The voucher codes handed out (vouchers). */
  readonly voucherCodes?: readonly string[];
  /** The member's available points just after the redemption, for the slip. */
  readonly availableAfter: number;
  readonly createdAt: Date;
  /** The desk staff member; absent for a shopper's reservation. */
  readonly staffId?: string;
  /** Online reservations: when it expires unless collected, and its collection. */
  readonly expiresAt?: Date;
  readonly collectedAt?: Date;
  readonly collectedBy?: string;
  readonly cancellation?: RedemptionCancellation;
  /** Why an interrupted redemption was undone. */
  readonly failure?: string;
  /** `redeem:<id>`, and `redeem-cancel:<id>` once given back. */
  readonly entryId: string;
  readonly cancelEntryId?: string;
}
