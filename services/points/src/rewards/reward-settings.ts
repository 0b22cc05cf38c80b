export interface RewardSettings {
  /** The centre's time zone (TZ_CENTRE): limits per calendar period and parking days follow its calendar. */
  readonly timeZone: string;
  /** REWARDS_BASE_TIER: the tier of members without one. */
  readonly baseTier: string;
}

export const REWARD_SETTINGS = Symbol('REWARD_SETTINGS');
