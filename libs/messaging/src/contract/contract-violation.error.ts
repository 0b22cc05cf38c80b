import { InvalidInputError, type FieldProblem } from '@atrium/errors';

/** A message that does not match its contract in proto/: it can never succeed, so it is dead-lettered. */
export class ContractViolationError extends InvalidInputError {
  constructor(message: string, fields: readonly FieldProblem[] = []) {
    super('contract.violation', fields.length ? `${message}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}` : message, fields);
  }
}
