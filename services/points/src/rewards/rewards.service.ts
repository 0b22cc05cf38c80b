import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantsRepository } from '../tenants/tenants.repository';
import type { Reward, RewardDefinition, RewardKind, StockAdjustment, StockLevel } from './reward.entity';
import { RewardDefinitionError, RewardFundingTenantUnknownError, RewardKindChangeError, RewardNotFoundError, RewardNotStockedError, StockBelowZeroError } from './reward.errors';
import { checkRewardDefinition, fundingOf, type FundingInput } from './reward-rules';
import { RewardStockRepository } from './reward-stock.repository';
import { RewardsRepository, type RewardFilter } from './rewards.repository';
import { VoucherCodesRepository, type PoolCounts } from './voucher-codes.repository';

/** A reward as staff send it: the definition with funding still unchecked. */
export type RewardInput = Omit<RewardDefinition, 'funding'> & { readonly funding: FundingInput };

export interface StockChange {
  readonly location: string;
  readonly change: number;
  readonly reason: string;
}

/** The rewards catalogue (積分換禮目錄) for staff: rewards, their stock per desk, voucher code pools. */
@Injectable()
export class RewardsService {
  constructor(
    private readonly rewards: RewardsRepository,
    private readonly stock: RewardStockRepository,
    private readonly codes: VoucherCodesRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  async create(input: RewardInput, staffId: string, now = new Date()): Promise<Reward> {
    const definition = await this.checked(input);
    const reward: Reward = { ...definition, id: randomUUID(), createdAt: now, createdBy: staffId, updatedAt: now, updatedBy: staffId };
    await this.rewards.insert(reward);
    return reward;
  }

  /** Replaces a reward's definition (its kind stays); redemptions made keep what they were made with. */
  async replace(rewardId: string, input: RewardInput, staffId: string, now = new Date()): Promise<Reward> {
    const definition = await this.checked(input);
    const updated = await this.rewards.update(rewardId, (current) => {
      if (current.kind !== definition.kind) throw new RewardKindChangeError(current.kind);
      return { ...definition, id: current.id, createdAt: current.createdAt, createdBy: current.createdBy, updatedAt: now, updatedBy: staffId };
    });
    if (!updated) throw new RewardNotFoundError(rewardId);
    return updated;
  }

  async get(rewardId: string): Promise<Reward> {
    const reward = await this.rewards.findById(rewardId);
    if (!reward) throw new RewardNotFoundError(rewardId);
    return reward;
  }

  async list(filter: RewardFilter): Promise<Reward[]> {
    return this.rewards.list(filter);
  }

  /** Changes one desk's stock of a gift with a reason; never below zero. */
  async adjustStock(rewardId: string, change: StockChange, staffId: string, now = new Date()): Promise<StockAdjustment> {
    await this.stocked(rewardId, 'gift', 'stock per desk (gifts only; upload codes for a voucher)');
    return this.stock.adjust(rewardId, change.location, (quantity) => {
      if (quantity + change.change < 0) throw new StockBelowZeroError(change.change, quantity);
      return { id: randomUUID(), change: change.change, reason: change.reason, staffId, at: now, before: quantity, after: quantity + change.change };
    });
  }

  async stockLevels(rewardId: string): Promise<{ levels?: StockLevel[]; codes?: PoolCounts }> {
    const reward = await this.get(rewardId);
    switch (reward.kind) {
      case 'gift':
        return { levels: await this.stock.levelsOf(rewardId) };
      case 'voucher':
        return { codes: await this.codes.counts(rewardId) };
      case 'parking':
        throw new RewardNotStockedError('parking', 'stock');
    }
  }

  /** Adds codes to a voucher's pool; returns how many were new and how many are free now. */
  async uploadCodes(rewardId: string, codes: readonly string[], staffId: string, now = new Date()): Promise<{ added: number; duplicates: number; free: number }> {
    await this.stocked(rewardId, 'voucher', 'code pool');
    const added = await this.codes.upload(rewardId, codes, staffId, now);
    const { free } = await this.codes.counts(rewardId);
    return { added, duplicates: codes.length - added, free };
  }

  private async stocked(rewardId: string, kind: RewardKind, what: string): Promise<void> {
    const reward = await this.get(rewardId);
    if (reward.kind !== kind) throw new RewardNotStockedError(reward.kind, what);
  }

  private async checked(input: RewardInput): Promise<RewardDefinition> {
    const { funding, problems: fundingProblems } = fundingOf(input.funding);
    const definition: RewardDefinition = { ...input, tiers: input.tiers.map((tier) => tier.toLowerCase()), funding: funding ?? { by: 'centre' } };
    const problems = [...checkRewardDefinition(definition), ...fundingProblems];
    if (problems.length > 0) throw new RewardDefinitionError(problems);
    if (definition.funding.by === 'tenant' && !(await this.tenants.findByIds([definition.funding.tenantId])).has(definition.funding.tenantId)) {
      throw new RewardFundingTenantUnknownError(definition.funding.tenantId);
    }
    return definition;
  }
}
