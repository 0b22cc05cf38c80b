import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '@atrium/errors';

/** A segment rule that cannot be saved or counted; every path at fault is named (`rule.all.2.field`). */
export class InvalidSegmentRuleError extends InvalidInputError {
  constructor(problems: readonly FieldProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super('segment.rule-invalid', `The segment rule is not valid: ${count} (see errors).`, problems);
  }
}

export class SegmentNotFoundError extends NotFoundError {
  constructor(segmentId: string) {
    super('segment.not-found', `No segment ${segmentId}.`, [], { segmentId });
  }
}

/** Another segment has this name already. */
export class SegmentNameTakenError extends ConflictError {
  constructor(name: string) {
    super('segment.name-taken', `A segment named "${name}" exists already.`, [{ field: 'name', message: 'is the name of another segment' }]);
  }
}

/** The segment selects for campaigns that have not finished: deleting it would change what they send. */
export class SegmentInUseError extends ConflictError {
  constructor(segmentId: string, campaignIds: readonly string[]) {
    super('segment.in-use', `Segment ${segmentId} is used by ${campaignIds.length} campaign(s) that have not finished; cancel or finish them first.`, [], {
      campaignIds: [...campaignIds],
    });
  }
}
