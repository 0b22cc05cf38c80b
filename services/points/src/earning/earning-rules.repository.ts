import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Campaign, EarningRuleDefinition, EarningRuleSet, Permille } from './earning-rule-set.entity';
import { EARNING_RULE_SET_MODEL, type EarningRuleSetDocument, type StoredCampaign, type StoredMultiplier } from './earning-rule-set.schema';
import { RuleVersionContendedError } from './earning.errors';

const DUPLICATE_KEY = 11000;

// Proposals are rare staff actions; losing the race this often means something is wrong.
const MAX_SAVE_ATTEMPTS = 10;

@Injectable()
export class EarningRulesRepository {
  constructor(@InjectModel(EARNING_RULE_SET_MODEL) private readonly ruleSets: Model<EarningRuleSetDocument>) {}

  /**
   * Stores a new version numbered one above the highest. The number is the document's key, so
   * when two saves race for it the database lets one in and the other tries the next number.
   */
  async save(rules: EarningRuleDefinition, createdBy: string, createdAt: Date): Promise<EarningRuleSet> {
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const latest = await this.ruleSets.findOne({}, { _id: 1 }).sort({ _id: -1 }).lean<Pick<EarningRuleSetDocument, '_id'>>();
      const ruleSet: EarningRuleSet = { ...rules, version: (latest?._id ?? 0) + 1, createdBy, createdAt };
      if (await this.insert(ruleSet)) return ruleSet;
    }
    throw new RuleVersionContendedError(MAX_SAVE_ATTEMPTS);
  }

  /**
   * Stores `rules` as version 1 unless there is a version 1 already; says whether it did. Two
   * instances starting on an empty database at once store it once.
   */
  async saveFirst(rules: EarningRuleDefinition, createdBy: string, createdAt: Date): Promise<EarningRuleSet | undefined> {
    const ruleSet: EarningRuleSet = { ...rules, version: 1, createdBy, createdAt };
    return (await this.insert(ruleSet)) ? ruleSet : undefined;
  }

  /** Every version, newest (highest version) first. */
  async findAll(): Promise<EarningRuleSet[]> {
    const documents = await this.ruleSets.find().sort({ _id: -1 }).lean<EarningRuleSetDocument[]>();
    return documents.map(toRuleSet);
  }

  /** False when the version number is taken. */
  private async insert(ruleSet: EarningRuleSet): Promise<boolean> {
    try {
      await this.ruleSets.create(toDocument(ruleSet));
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }
}

function toDocument(ruleSet: EarningRuleSet): EarningRuleSetDocument {
  return {
    _id: ruleSet.version,
    effectiveFrom: ruleSet.effectiveFrom,
    createdBy: ruleSet.createdBy,
    createdAt: ruleSet.createdAt,
    currency: ruleSet.currency,
    baseRate: { points: ruleSet.baseRate.points, perAmountMinor: ruleSet.baseRate.perAmountMinor },
    rounding: ruleSet.rounding,
    tierMultipliers: toPairs(ruleSet.tierMultipliers),
    tenantMultipliers: toPairs(ruleSet.tenantMultipliers),
    categoryMultipliers: toPairs(ruleSet.categoryMultipliers),
    excludedTenants: [...ruleSet.excludedTenants],
    excludedCategories: [...ruleSet.excludedCategories],
    campaigns: ruleSet.campaigns.map(copyCampaign),
    ...(ruleSet.maxPointsPerPurchase !== undefined ? { maxPointsPerPurchase: ruleSet.maxPointsPerPurchase } : {}),
    ...(ruleSet.maxPointsPerDay !== undefined ? { maxPointsPerDay: ruleSet.maxPointsPerDay } : {}),
  };
}

function toRuleSet(document: EarningRuleSetDocument): EarningRuleSet {
  return {
    version: document._id,
    effectiveFrom: document.effectiveFrom,
    createdBy: document.createdBy,
    createdAt: document.createdAt,
    currency: document.currency,
    baseRate: { points: document.baseRate.points, perAmountMinor: document.baseRate.perAmountMinor },
    rounding: document.rounding,
    tierMultipliers: fromPairs(document.tierMultipliers),
    tenantMultipliers: fromPairs(document.tenantMultipliers),
    categoryMultipliers: fromPairs(document.categoryMultipliers),
    excludedTenants: [...(document.excludedTenants ?? [])],
    excludedCategories: [...(document.excludedCategories ?? [])],
    campaigns: (document.campaigns ?? []).map(copyCampaign),
    ...(typeof document.maxPointsPerPurchase === 'number' ? { maxPointsPerPurchase: document.maxPointsPerPurchase } : {}),
    ...(typeof document.maxPointsPerDay === 'number' ? { maxPointsPerDay: document.maxPointsPerDay } : {}),
  };
}

function toPairs(multipliers: Readonly<Record<string, Permille>>): StoredMultiplier[] {
  return Object.entries(multipliers).map(([key, permille]) => ({ key, permille }));
}

function fromPairs(pairs: readonly StoredMultiplier[] | undefined): Record<string, Permille> {
  return Object.fromEntries((pairs ?? []).map(({ key, permille }) => [key, permille]));
}

/**
 * A campaign copied field by field, in either direction: the stored and the domain shapes
 * have the same fields, and an absent optional field must stay absent (not undefined).
 */
function copyCampaign(campaign: Campaign | StoredCampaign): StoredCampaign {
  return {
    id: campaign.id,
    name: campaign.name,
    from: campaign.from,
    to: campaign.to,
    ...(campaign.weekdays ? { weekdays: [...campaign.weekdays] } : {}),
    ...(campaign.tenantIds ? { tenantIds: [...campaign.tenantIds] } : {}),
    ...(campaign.categories ? { categories: [...campaign.categories] } : {}),
    ...(campaign.tiers ? { tiers: [...campaign.tiers] } : {}),
    ...(typeof campaign.multiplierPermille === 'number' ? { multiplierPermille: campaign.multiplierPermille } : {}),
    ...(typeof campaign.extraPoints === 'number' ? { extraPoints: campaign.extraPoints } : {}),
  };
}
