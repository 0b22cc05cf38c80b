import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError, type FieldProblem } from '@atrium/errors';
import type { AgreementStatus } from './agreement.entity';

export class AgreementNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('agreement.not-found', `No agreement has id ${id}.`, [], { agreementId: id });
  }
}

/** The version is not in a status the action starts from. */
export class AgreementTransitionError extends ConflictError {
  constructor(action: string, from: AgreementStatus, needs: readonly AgreementStatus[]) {
    super('agreement.transition-not-allowed', `An agreement version that is ${from} cannot be ${action}: that needs a version that is ${needs.join(' or ')}.`, [{ field: 'status', message: `is ${from}` }], {
      action,
      from,
      needs,
    });
  }
}

/** The caller's roles do not allow the action. */
export class AgreementRoleError extends NotAllowedError {
  constructor(action: string, roles: readonly string[]) {
    super('agreement.role-required', `Only ${roles.join(' or ')} staff may have an agreement ${action}.`, [], { action, roles });
  }
}

/** Four eyes: whoever wrote a version does not approve it. */
export class AuthorCannotApproveError extends NotAllowedError {
  constructor(author: string) {
    super('agreement.author-cannot-approve', `${author} wrote this version, so another supervisor must approve or return it.`, [], { author });
  }
}

/** The agreement's terms break a rule; every field at fault is named. */
export class AgreementTermsInvalidError extends InvalidInputError {
  constructor(fields: readonly FieldProblem[]) {
    super('agreement.terms-invalid', `The agreement's terms break ${fields.length === 1 ? 'a rule' : `${fields.length} rules`}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`, fields);
  }
}

/** An offer would hold at the same time as an active offer of the same kind, tenant and tier. */
export class OverlappingOfferError extends ConflictError {
  constructor(fields: readonly FieldProblem[], details: Readonly<Record<string, unknown>>) {
    super('agreement.offer-overlaps', `An offer overlaps an active offer of the same kind for the same tenant and tier: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`, fields, details);
  }
}

/** The agreement names a tenant the directory does not have. */
export const unknownTenantProblem = (tenantId: string): FieldProblem => ({ field: 'tenantId', message: `is not a tenant of the directory (${tenantId})` });
