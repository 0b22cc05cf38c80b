import { InvalidInputError, type FieldProblem } from '@atrium/errors';

/** A template that cannot be saved: bad syntax, unknown variables, a missing or unknown language. */
export class InvalidTemplateError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('template.invalid', 'The template is not valid (see errors).', problems);
  }
}

/**
 * A marketing template that cannot be approved: a language version lacks the centre's signature
 * or the opt-out instruction of its language. Each version at fault is named (`bodies.zh-Hant`).
 */
export class TemplateNotCompliantError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('template.not-compliant', 'The marketing template cannot be approved (see errors).', problems);
  }
}

/** Counts or a price a cost cannot be estimated from (not whole numbers, too large, a bad currency). */
export class InvalidCostEstimateError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('template.cost-invalid', 'The cost cannot be estimated from these figures (see errors).', problems);
  }
}
