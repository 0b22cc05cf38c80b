import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError, UnavailableError, type FieldProblem } from '@atrium/errors';
import type { EarningRuleStatus } from './earning-rule-set.entity';

/** A proposed rule set that breaks a rule or contradicts itself; every field at fault is named. */
export class InvalidEarningRulesError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super('earning.rules-invalid', `The earning rules were not saved: ${count} (see errors).`, problems);
  }
}

/** No rule set was in effect at the instant asked about (a purchase before the first version). */
export class NoRuleSetInEffectError extends NotFoundError {
  constructor(at: Date) {
    super('earning.no-rule-set', `No earning rules were in effect at ${at.toISOString()}.`, [], { at: at.toISOString() });
  }
}

/** A purchase the rules cannot price: not an integer amount of minor units, or not a valid instant. */
export class InvalidPurchaseError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('earning.purchase-invalid', 'The purchase cannot earn points as given (see errors).', problems);
  }
}

/**
 * A purchase in a currency other than the rule set's. Refused rather than earning 0 silently:
 * converting currencies is not the rules' business, and a silent 0 would hide a wrong feed.
 */
export class CurrencyMismatchError extends InvalidInputError {
  constructor(purchaseCurrency: string, ruleCurrency: string) {
    super(
      'earning.currency-mismatch',
      `Purchases in ${purchaseCurrency} earn no points: the earning rules are in ${ruleCurrency}.`,
      [{ field: 'currency', message: `must be ${ruleCurrency}, the currency of the earning rules` }],
      { purchaseCurrency, ruleCurrency },
    );
  }
}

/** Saving a version lost the race for its number too many times in a row; a retry later will do. */
export class RuleVersionContendedError extends UnavailableError {
  constructor(attempts: number) {
    super('earning.version-contended', `Could not assign a rule set version after ${attempts} attempts; try again.`);
  }
}

/** No stored version has this number. */
export class RuleSetNotFoundError extends NotFoundError {
  constructor(version: number) {
    super('earning.version-not-found', `There is no earning rules version ${version}.`, [], { version });
  }
}

/** Only supervisors (and admins) approve or reject a version of the earning rules. */
export class RuleApproverRoleRequiredError extends NotAllowedError {
  constructor(roles: readonly string[]) {
    super('earning.approver-role-required', `Only ${roles.join(' or ')} staff may approve or reject earning rules.`, [], { requiredRoles: roles });
  }
}

/** The author of a version may not approve or reject it: a second person must agree to what every point costs. */
export class OwnRuleSetReviewError extends NotAllowedError {
  constructor(version: number, author: string) {
    super('earning.own-version', `Version ${version} was written by ${author}; another supervisor must review it.`, [], { version, author });
  }
}

/** Only a submitted version is approved or rejected, once. */
export class RuleSetNotSubmittedError extends ConflictError {
  constructor(version: number, status: EarningRuleStatus) {
    super('earning.version-not-submitted', `Version ${version} is ${status}, not submitted: it was reviewed already.`, [], { version, status });
  }
}

/** A rejection names its reason, so the author knows what to change. */
export class RejectionReasonRequiredError extends InvalidInputError {
  constructor() {
    super('earning.rejection-reason-required', 'A rejection needs a reason.', [{ field: 'reason', message: 'must say why the version is rejected' }]);
  }
}
