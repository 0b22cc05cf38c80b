import { NotFoundError } from '@atrium/errors';

export class ImportNotFoundError extends NotFoundError {
  constructor(importId: string) {
    super('member.import-not-found', `No import has id ${importId}.`, [], { importId });
  }
}

