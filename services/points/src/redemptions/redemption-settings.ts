export interface RedemptionSettings {
  /** TZ_CENTRE: limits per calendar period and a plate's parking day follow the centre's calendar. */
  readonly timeZone: string;
  /** REWARDS_BASE_TIER: the tier of members without one. */
  readonly baseTier: string;
  /** REDEMPTION_CANCEL_WINDOW_MINUTES, in ms. */
  readonly cancelWindowMs: number;
  /** RESERVATION_HOLD_SECONDS, in ms. */
  readonly reservationHoldMs: number;
  /** RESERVATION_SWEEP_SECONDS, in ms. */
  readonly sweepEveryMs: number;
  /**
   * Names the sweep's queue after the service's database: two deployments (or test runs)
   * sharing one Redis never sweep each other's reservations.
   */
  readonly namespace: string;
}

export const REDEMPTION_SETTINGS = Symbol('REDEMPTION_SETTINGS');
