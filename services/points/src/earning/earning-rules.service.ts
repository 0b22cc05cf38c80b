import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DocumentLocks } from '@atrium/document-locks';
import { selectRuleSet } from './earning-calculator';
import { approveRuleSet, rejectRuleSet, type RuleReviewer } from './earning-rule-review';
import type { EarningRuleDefinition, EarningRuleProposal, EarningRuleSet } from './earning-rule-set.entity';
import { validateEarningRules } from './earning-rule-set.validation';
import { InvalidEarningRulesError, RuleSetNotFoundError, RuleSetNotSubmittedError } from './earning.errors';
import { EarningRulesRepository } from './earning-rules.repository';

/**
 * How long rule sets are served from memory. The purchase consumer asks once per batch; a few
 * seconds spare the database without letting an instance run on old rules for long.
 */
export const RULE_SETS_CACHE_MS = 5_000;

/**
 * How far ahead a new version must start. Another instance may hold the old list for up to
 * RULE_SETS_CACHE_MS; starting no sooner means no purchase falls under a version that some
 * instance does not know yet.
 */
export const RULE_SETS_LEAD_TIME_MS = RULE_SETS_CACHE_MS;

/** The lock collection name for DocumentLocks: a version's review is written under its lock. */
const RULE_SETS = 'earning_rule_sets';

/** What a fresh system earns until staff propose rules: 1 point per yuan, rounded down, from the start of time. */
export const DEFAULT_EARNING_RULES: EarningRuleDefinition = {
  effectiveFrom: new Date(0),
  currency: 'CNY',
  baseRate: { points: 1, perAmountMinor: 100 },
  rounding: 'floor',
  tierMultipliers: {},
  tenantMultipliers: {},
  categoryMultipliers: {},
  excludedTenants: [],
  excludedCategories: [],
  campaigns: [],
};

@Injectable()
export class EarningRulesService implements OnModuleInit {
  private cached?: { readonly loadedAt: number; readonly ruleSets: Promise<readonly EarningRuleSet[]> };

  constructor(
    private readonly repository: EarningRulesRepository,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ensureDefault(new Date());
  }

  /**
   * Validates and stores a new version of the rules, submitted for a supervisor's approval;
   * every problem is reported at once and nothing is stored when there is one. Without
   * `effectiveFrom` the version starts as soon as allowed (RULE_SETS_LEAD_TIME_MS from `now`,
   * or from its approval when that comes later).
   */
  async propose(proposal: EarningRuleProposal, staff: string, now: Date): Promise<EarningRuleSet> {
    const rules: EarningRuleDefinition = { ...proposal, effectiveFrom: proposal.effectiveFrom ?? new Date(now.getTime() + RULE_SETS_LEAD_TIME_MS) };
    const problems = validateEarningRules(rules, now, { leadTimeMs: RULE_SETS_LEAD_TIME_MS });
    if (problems.length > 0) throw new InvalidEarningRulesError(problems);
    const saved = await this.repository.save(rules, staff, now);
    this.cached = undefined;
    return saved;
  }

  /** Approves a submitted version (see approveRuleSet): from its effectiveFrom it prices purchases. */
  async approve(version: number, reviewer: RuleReviewer, now: Date): Promise<EarningRuleSet> {
    return this.review(version, (ruleSet) => approveRuleSet(ruleSet, reviewer, now, RULE_SETS_LEAD_TIME_MS));
  }

  /** Rejects a submitted version with a reason; it never prices a purchase. */
  async reject(version: number, reviewer: RuleReviewer, reason: string, now: Date): Promise<EarningRuleSet> {
    return this.review(version, (ruleSet) => rejectRuleSet(ruleSet, reviewer, reason, now));
  }

  /** One version, as stored now (not from the cache). */
  async ruleSet(version: number): Promise<EarningRuleSet> {
    const ruleSet = await this.repository.find(version);
    if (!ruleSet) throw new RuleSetNotFoundError(version);
    return ruleSet;
  }

  private async review(version: number, decide: (ruleSet: EarningRuleSet) => EarningRuleSet): Promise<EarningRuleSet> {
    const reviewed = await this.locks.withLocks(RULE_SETS, [String(version)], async () => {
      const decided = decide(await this.ruleSet(version));
      if (!(await this.repository.recordReview(decided))) throw new RuleSetNotSubmittedError(version, (await this.ruleSet(version)).status);
      return decided;
    });
    this.cached = undefined;
    return reviewed;
  }

  /** Every version, newest first; served from memory for RULE_SETS_CACHE_MS. */
  async ruleSets(): Promise<readonly EarningRuleSet[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.loadedAt >= RULE_SETS_CACHE_MS) {
      const ruleSets = this.repository.findAll();
      const entry = { loadedAt: now, ruleSets };
      this.cached = entry;
      // A failed read is not cached: the next caller tries the database again.
      ruleSets.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached.ruleSets;
  }

  /** The approved version in effect at `at` (NoRuleSetInEffectError before the first). */
  async ruleSetAt(at: Date): Promise<EarningRuleSet> {
    return selectRuleSet(await this.ruleSets(), at);
  }

  /** Stores DEFAULT_EARNING_RULES as version 1 when there is no version yet, so a fresh system earns points. */
  async ensureDefault(now: Date): Promise<EarningRuleSet | undefined> {
    const created = await this.repository.saveFirst(DEFAULT_EARNING_RULES, 'system', now);
    if (created) this.cached = undefined;
    return created;
  }
}
