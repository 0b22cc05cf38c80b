import { InvalidInputError, type FieldProblem } from '@atrium/errors';

/** A segment rule that cannot be saved or counted; every path at fault is named (`rule.all.2.field`). */
export class InvalidSegmentRuleError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super('segment.rule-invalid', `The segment rule is not valid: ${count} (see errors).`, problems);
  }
}
