import type { MemberConfig } from '../config/env.schema';
import type { TierDefinition } from './tier.entity';

/** The tier rules' settings from the configuration, injectable by class. */
export class TierSettings {
  constructor(
    /** The ladder, lowest first (MEMBER_TIERS). */
    readonly tiers: readonly TierDefinition[],
    /** The centre's time zone: spend months and review years are its calendar's (TZ_CENTRE). */
    readonly timeZone: string,
    /** When the yearly review runs by itself (TIER_REVIEW_CRON). */
    readonly reviewCron: string,
  ) {}

  static of(config: Pick<MemberConfig, 'MEMBER_TIERS' | 'TZ_CENTRE' | 'TIER_REVIEW_CRON'>): TierSettings {
    return new TierSettings(config.MEMBER_TIERS, config.TZ_CENTRE, config.TIER_REVIEW_CRON);
  }

  get lowest(): TierDefinition {
    return this.tiers[0];
  }
}
