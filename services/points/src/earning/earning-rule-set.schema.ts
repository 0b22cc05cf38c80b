import { Schema } from 'mongoose';
import type { EarningRuleStatus, RoundingMode } from './earning-rule-set.entity';

/**
 * Multipliers are stored as key/permille pairs, not as objects keyed by tier, tenant or
 * category: a key is data and may hold characters ('.', '$') a field name may not.
 */
export interface StoredMultiplier {
  key: string;
  permille: number;
}

export interface StoredCampaign {
  id: string;
  name: string;
  from: Date;
  to: Date;
  weekdays?: number[];
  tenantIds?: string[];
  categories?: string[];
  tiers?: string[];
  multiplierPermille?: number;
  extraPoints?: number;
}

export interface StoredReview {
  by: string;
  at: Date;
  reason?: string;
}

/** One stored version, keyed by its number so two saves can never take the same one. Private to EarningRulesRepository. */
export interface EarningRuleSetDocument {
  _id: number;
  effectiveFrom: Date;
  createdBy: string;
  createdAt: Date;
  /** Absent on versions stored before reviews existed: those were in effect already, so they read as approved. */
  status?: EarningRuleStatus;
  approval?: StoredReview;
  rejection?: StoredReview;
  currency: string;
  baseRate: { points: number; perAmountMinor: number };
  rounding: RoundingMode;
  tierMultipliers: StoredMultiplier[];
  tenantMultipliers: StoredMultiplier[];
  categoryMultipliers: StoredMultiplier[];
  excludedTenants: string[];
  excludedCategories: string[];
  campaigns: StoredCampaign[];
  maxPointsPerPurchase?: number;
  maxPointsPerDay?: number;
}

export const EARNING_RULE_SET_MODEL = 'EarningRuleSet';

const multiplierSchema = new Schema<StoredMultiplier>(
  { key: { type: String, required: true }, permille: { type: Number, required: true } },
  { _id: false },
);

const campaignSchema = new Schema<StoredCampaign>(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    // Left undefined (not []) when absent: an absent filter means "any", an empty one "none".
    weekdays: { type: [Number], default: undefined },
    tenantIds: { type: [String], default: undefined },
    categories: { type: [String], default: undefined },
    tiers: { type: [String], default: undefined },
    multiplierPermille: { type: Number },
    extraPoints: { type: Number },
  },
  { _id: false },
);

const reviewSchema = new Schema<StoredReview>(
  { by: { type: String, required: true }, at: { type: Date, required: true }, reason: { type: String } },
  { _id: false },
);

export const earningRuleSetSchema = new Schema<EarningRuleSetDocument>(
  {
    _id: { type: Number, required: true },
    effectiveFrom: { type: Date, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    status: { type: String },
    approval: { type: reviewSchema },
    rejection: { type: reviewSchema },
    currency: { type: String, required: true },
    baseRate: {
      type: new Schema({ points: { type: Number, required: true }, perAmountMinor: { type: Number, required: true } }, { _id: false }),
      required: true,
    },
    rounding: { type: String, required: true },
    tierMultipliers: { type: [multiplierSchema], default: [] },
    tenantMultipliers: { type: [multiplierSchema], default: [] },
    categoryMultipliers: { type: [multiplierSchema], default: [] },
    excludedTenants: { type: [String], default: [] },
    excludedCategories: { type: [String], default: [] },
    campaigns: { type: [campaignSchema], default: [] },
    maxPointsPerPurchase: { type: Number },
    maxPointsPerDay: { type: Number },
  },
  { collection: 'earning_rule_sets', versionKey: false },
);
