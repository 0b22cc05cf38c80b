import { InvalidInputError, NotFoundError } from '@atrium/errors';

export class ImportNotFoundError extends NotFoundError {
  constructor(importId: string) {
    super('member.import-not-found', `No import has id ${importId}.`, [], { importId });
  }
}

/** The upload is not a CSV body the service takes. */
export class ImportBodyError extends InvalidInputError {
  constructor(field: 'body' | 'content-type', message: string) {
    super('member.import-body-invalid', `The import was not taken: ${message}`, [{ field, message }]);
  }
}
