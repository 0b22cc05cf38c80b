import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@atrium/errors';
import { AccountsRepository } from '../accounts/accounts.repository';
import { RedemptionsRepository } from '../redemptions/redemptions.repository';
import type { RewardAvailability } from './dto/reward.response';
import { periodBounds } from './period-bounds';
import type { LimitPeriod, Reward } from './reward.entity';
import { RewardMemberUnknownError } from './reward.errors';
import { availabilityRefusal, effectiveTier, limitRemaining, tierRefusal } from './reward-rules';
import { REWARD_SETTINGS, type RewardSettings } from './reward-settings';
import { RewardStockRepository } from './reward-stock.repository';
import { RewardsRepository, type RewardFilter } from './rewards.repository';
import { VoucherCodesRepository } from './voucher-codes.repository';

export interface CatalogueLine {
  readonly reward: Reward;
  readonly availability: RewardAvailability;
}

/** The catalogue as a desk reads it: each reward with what is left there, or only what one member may redeem now. */
@Injectable()
export class RewardCatalogueService {
  constructor(
    private readonly rewards: RewardsRepository,
    private readonly stock: RewardStockRepository,
    private readonly codes: VoucherCodesRepository,
    private readonly accounts: AccountsRepository,
    private readonly redemptions: RedemptionsRepository,
    @Inject(REWARD_SETTINGS) private readonly settings: RewardSettings,
  ) {}

  async list(filter: RewardFilter & { location?: string }): Promise<CatalogueLine[]> {
    const rewards = await this.rewards.list(filter);
    const stock = await this.inStock(rewards, filter.location);
    return rewards.map((reward) => ({ reward, availability: stock.has(reward.id) ? { inStock: stock.get(reward.id)! } : {} }));
  }

  /**
   * What a member may redeem at a desk now: active and inside its window, allowed to their
   * tier, under its limit this period, in stock at the desk (or with free codes), and within
   * their available points. The same rules the redemption itself applies.
   */
  async forMember(memberId: string, location: string | undefined, now = new Date()): Promise<CatalogueLine[]> {
    if (!location) throw new InvalidInputError('reward.location-required', 'Say which desk: a member\'s catalogue depends on its stock.', [{ field: 'location', message: 'is required with memberId' }]);
    const account = await this.accounts.findByMemberId(memberId);
    if (!account) throw new RewardMemberUnknownError(memberId);
    const tier = effectiveTier(account.tier, this.settings.baseTier);
    const open = (await this.rewards.list({ status: 'active' })).filter((reward) => !availabilityRefusal(reward, now) && !tierRefusal(reward, tier));
    const stock = await this.inStock(open, location);
    const used = await this.usedThisPeriod(memberId, open, now);
    const lines: CatalogueLine[] = [];
    for (const reward of open) {
      const inStock = stock.get(reward.id);
      const remaining = limitRemaining(reward.limit, used.get(reward.id) ?? 0);
      const affordable = Math.floor(Math.max(account.available, 0) / reward.pointsPrice);
      const maxQuantity = Math.min(affordable, inStock ?? Number.POSITIVE_INFINITY, remaining ?? Number.POSITIVE_INFINITY, reward.maxHoursPerDay ?? Number.POSITIVE_INFINITY);
      if (maxQuantity < 1) continue;
      lines.push({ reward, availability: { ...(inStock !== undefined ? { inStock } : {}), ...(remaining !== undefined ? { remainingThisPeriod: remaining } : {}), maxQuantity } });
    }
    return lines;
  }

  /** Gifts' stock at the desk (when one is named) and vouchers' free codes. */
  private async inStock(rewards: readonly Reward[], location: string | undefined): Promise<Map<string, number>> {
    const gifts = rewards.filter((reward) => reward.kind === 'gift').map((reward) => reward.id);
    const vouchers = rewards.filter((reward) => reward.kind === 'voucher').map((reward) => reward.id);
    const [giftStock, codes] = await Promise.all([location ? this.stock.quantitiesAt(location, gifts) : Promise.resolve(new Map<string, number>()), this.codes.freeCounts(vouchers)]);
    const stock = new Map(codes);
    if (location) for (const id of gifts) stock.set(id, giftStock.get(id) ?? 0);
    return stock;
  }

  /** Units taken this period per limited reward; one query per kind of period. */
  private async usedThisPeriod(memberId: string, rewards: readonly Reward[], now: Date): Promise<Map<string, number>> {
    const used = new Map<string, number>();
    const byPeriod = new Map<LimitPeriod, string[]>();
    for (const reward of rewards) if (reward.limit) byPeriod.set(reward.limit.period, [...(byPeriod.get(reward.limit.period) ?? []), reward.id]);
    for (const [period, ids] of byPeriod) {
      const { start, end } = periodBounds(now, period, this.settings.timeZone);
      for (const [id, units] of await this.redemptions.unitsByReward(memberId, ids, start, end)) used.set(id, units);
    }
    return used;
  }
}
