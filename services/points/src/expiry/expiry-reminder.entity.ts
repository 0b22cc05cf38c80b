/**
 * A reminder that a member's points reach their expiry date soon: one per member and expiry
 * date (its id says so), whichever run of the daily settlement made it first.
 */
export interface ExpiryReminder {
  /** `remind:<memberId>:<expiryDate>`. */
  readonly id: string;
  readonly memberId: string;
  /** The last centre-local day the points can be spent. */
  readonly expiryDate: string;
  readonly expiresAt: Date;
  /** Points that were due to expire then, when the reminder was made. */
  readonly points: number;
  /** The daily settlement run that made it. */
  readonly runId: string;
  readonly createdAt: Date;
}

export function expiryReminderId(memberId: string, expiryDate: string): string {
  return `remind:${memberId}:${expiryDate}`;
}
