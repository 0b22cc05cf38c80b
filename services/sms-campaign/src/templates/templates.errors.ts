import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError, type FieldProblem } from '@atrium/errors';

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

export class TemplateNotFoundError extends NotFoundError {
  constructor(templateId: string) {
    super('template.not-found', `No template ${templateId}.`, [], { templateId });
  }
}

export class TemplateNameTakenError extends ConflictError {
  constructor(name: string) {
    super('template.name-taken', `A template named "${name}" exists already.`, [{ field: 'name', message: 'is the name of another template' }]);
  }
}

/** Approved already: there is nothing to approve until it is edited. */
export class TemplateAlreadyApprovedError extends ConflictError {
  constructor(templateId: string) {
    super('template.already-approved', `Template ${templateId} is approved already.`);
  }
}

/** Four eyes: a template is approved by a supervisor who neither wrote nor last edited it. */
export class TemplateApprovalNotAllowedError extends NotAllowedError {}

/** The template is sent by campaigns that have not finished. */
export class TemplateInUseError extends ConflictError {
  constructor(templateId: string, campaignIds: readonly string[]) {
    super('template.in-use', `Template ${templateId} is used by ${campaignIds.length} campaign(s) that have not finished.`, [], { campaignIds: [...campaignIds] });
  }
}

/** The member a preview was asked for is not in the projection (or was erased). */
export class PreviewMemberNotFoundError extends NotFoundError {
  constructor(memberId: string) {
    super('template.member-not-found', `No member ${memberId} in the SMS service's member projection.`, [{ field: 'memberId', message: 'names no member' }]);
  }
}
