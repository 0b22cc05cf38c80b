import { ConflictError, NotFoundError } from '@atrium/errors';

export class ProgrammeNotFoundError extends NotFoundError {
  constructor(programmeId: string) {
    super('outreach.programme-not-found', `No corporate programme has id ${programmeId}.`, [], { programmeId });
  }
}

/** Codes are unique: employees of one company must not be counted as another's. */
export class ProgrammeCodeTakenError extends ConflictError {
  constructor(code: string) {
    super('outreach.programme-code-taken', `The code ${code} belongs to another programme.`, [{ field: 'code', message: 'is taken by another programme' }], { code });
  }
}
