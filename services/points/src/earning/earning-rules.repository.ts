import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Campaign, EarningRuleDefinition, EarningRuleReview, EarningRuleSet, Permille } from './earning-rule-set.entity';
import { EARNING_RULE_SET_MODEL, type EarningRuleSetDocument, type StoredCampaign, type StoredMultiplier, type StoredReview } from './earning-rule-set.schema';
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
      const ruleSet: EarningRuleSet = { ...rules, version: (latest?._id ?? 0) + 1, createdBy, createdAt, status: 'submitted' };
      if (await this.insert(ruleSet)) return ruleSet;
    }
    throw new RuleVersionContendedError(MAX_SAVE_ATTEMPTS);
  }

  /**
   * Stores `rules` as version 1 unless there is a version 1 already; says whether it did. Two
   * instances starting on an empty database at once store it once.
   */
  async saveFirst(rules: EarningRuleDefinition, createdBy: string, createdAt: Date): Promise<EarningRuleSet | undefined> {
    const ruleSet: EarningRuleSet = { ...rules, version: 1, createdBy, createdAt, status: 'approved', approval: { by: createdBy, at: createdAt } };
    return (await this.insert(ruleSet)) ? ruleSet : undefined;
  }

  async find(version: number): Promise<EarningRuleSet | undefined> {
    const document = await this.ruleSets.findById(version).lean<EarningRuleSetDocument>();
    return document ? toRuleSet(document) : undefined;
  }

  /**
   * Records the decision on a submitted version: its status, the review and the effectiveFrom
   * the decision settled. Only a version still submitted is changed; false when it was not.
   * Callers hold the version's document lock, so two reviewers cannot both see it submitted.
   */
  async recordReview(reviewed: EarningRuleSet): Promise<boolean> {
    const result = await this.ruleSets.updateOne(
      { _id: reviewed.version, status: 'submitted' },
      {
        $set: {
          status: reviewed.status,
          effectiveFrom: reviewed.effectiveFrom,
          ...(reviewed.approval ? { approval: copyReview(reviewed.approval) } : {}),
          ...(reviewed.rejection ? { rejection: copyReview(reviewed.rejection) } : {}),
        },
      },
    );
    return result.matchedCount === 1;
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
    status: ruleSet.status,
    ...(ruleSet.approval ? { approval: copyReview(ruleSet.approval) } : {}),
    ...(ruleSet.rejection ? { rejection: copyReview(ruleSet.rejection) } : {}),
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
    status: document.status ?? 'approved',
    ...(document.approval ? { approval: copyReview(document.approval) } : {}),
    ...(document.rejection ? { rejection: copyReview(document.rejection) } : {}),
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

function copyReview(review: EarningRuleReview | StoredReview): StoredReview {
  return { by: review.by, at: review.at, ...(review.reason !== undefined ? { reason: review.reason } : {}) };
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
