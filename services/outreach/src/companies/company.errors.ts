import { NotFoundError } from '@atrium/errors';

/** No company has this id; `field` names where the id came from (path or body). */
export class CompanyNotFoundError extends NotFoundError {
  constructor(companyId: string, field?: string) {
    super('outreach.company-not-found', `No company has id ${companyId}.`, field ? [{ field, message: 'names no company' }] : [], { companyId });
  }
}
