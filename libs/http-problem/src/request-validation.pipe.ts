import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInputError, type FieldProblem } from '@atrium/errors';

/**
 * Validates bodies, queries and params against their DTO classes (class-validator) and fails
 * with an InvalidInputError naming every field at fault; unknown fields are refused.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidInputError('request.invalid', 'The request is invalid.', validationFieldProblems(errors)),
  });
}

/** class-validator's errors as the fields at fault, nested ones by dotted path ("contacts.0.phone"). */
export function validationFieldProblems(errors: readonly ValidationError[]): FieldProblem[] {
  return errors.flatMap((error) => fieldProblems(error, ''));
}

function fieldProblems(error: ValidationError, parent: string): FieldProblem[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => fieldProblems(child, field))];
}
