import { InvalidInputError, type FieldProblem } from '@atrium/errors';

/** Quiet-hours settings that cannot be applied (a time that is not HH:MM, an unknown zone). */
export class InvalidQuietHoursError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('compliance.quiet-hours-invalid', 'The quiet hours are not valid (see errors).', problems);
  }
}

/** A frequency cap that cannot be applied (not a whole number of messages and days above 0). */
export class InvalidFrequencyCapError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    super('compliance.frequency-cap-invalid', 'The frequency cap is not valid (see errors).', problems);
  }
}
