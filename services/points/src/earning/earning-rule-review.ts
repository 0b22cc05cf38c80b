import type { EarningRuleSet } from './earning-rule-set.entity';
import { OwnRuleSetReviewError, RejectionReasonRequiredError, RuleApproverRoleRequiredError, RuleSetNotSubmittedError } from './earning.errors';

/** Roles that approve or reject earning rules (admins may do everything). */
export const RULE_APPROVER_ROLES: readonly string[] = ['supervisor', 'admin'];

/** The member of staff reviewing a version, as the gateway named them. */
export interface RuleReviewer {
  readonly username: string;
  readonly roles: readonly string[];
}

/**
 * The version approved by `reviewer` at `now`. It takes effect at its effectiveFrom, or
 * `leadTimeMs` after the approval when that is later: approval never reaches back to purchases
 * already priced under the previous version, and every instance learns of it before it starts.
 */
export function approveRuleSet(ruleSet: EarningRuleSet, reviewer: RuleReviewer, now: Date, leadTimeMs: number): EarningRuleSet {
  checkMayReview(ruleSet, reviewer);
  const earliest = now.getTime() + leadTimeMs;
  const effectiveFrom = ruleSet.effectiveFrom.getTime() < earliest ? new Date(earliest) : ruleSet.effectiveFrom;
  return { ...ruleSet, status: 'approved', effectiveFrom, approval: { by: reviewer.username, at: now } };
}

/** The version rejected by `reviewer` at `now` for `reason`; it never affects earning. */
export function rejectRuleSet(ruleSet: EarningRuleSet, reviewer: RuleReviewer, reason: string, now: Date): EarningRuleSet {
  const trimmed = reason.trim();
  if (!trimmed) throw new RejectionReasonRequiredError();
  checkMayReview(ruleSet, reviewer);
  return { ...ruleSet, status: 'rejected', rejection: { by: reviewer.username, at: now, reason: trimmed } };
}

function checkMayReview(ruleSet: EarningRuleSet, reviewer: RuleReviewer): void {
  if (!reviewer.roles.some((role) => RULE_APPROVER_ROLES.includes(role))) throw new RuleApproverRoleRequiredError(RULE_APPROVER_ROLES);
  if (ruleSet.createdBy === reviewer.username) throw new OwnRuleSetReviewError(ruleSet.version, ruleSet.createdBy);
  if (ruleSet.status !== 'submitted') throw new RuleSetNotSubmittedError(ruleSet.version, ruleSet.status);
}
