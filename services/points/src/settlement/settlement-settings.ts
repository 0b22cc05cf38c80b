import type { ExpiryPolicy } from '../expiry/expiry-policy';

export const SETTLEMENT_SETTINGS = Symbol('SETTLEMENT_SETTINGS');

/** How the settlement jobs run, from the service's configuration. */
export interface SettlementSettings {
  /** The centre's time zone (TZ_CENTRE): days, years and the schedule are the centre's. */
  readonly timeZone: string;
  /** POINTS_EXPIRY_POLICY. */
  readonly expiryPolicy: ExpiryPolicy;
  /** POINTS_EXPIRY_REMINDER_DAYS; 0 sends no reminders. */
  readonly reminderDays: number;
  /** DAILY_SETTLEMENT_TIME as a cron pattern in the centre's time zone ("30 3 * * *"). */
  readonly dailyCron: string;
  /** SETTLEMENT_JOB_LOCK_SECONDS in ms: how long a worker's claim on a run lasts without renewal. */
  readonly jobLockMs: number;
  /**
   * The service's database name: queue names carry it, so a test or a second installation on
   * the same Redis has queues of its own and never works on runs whose data it does not have.
   */
  readonly namespace: string;
}

export function settlementQueueNameOf(namespace: string): string {
  return `points-settlement.${namespace}`;
}
