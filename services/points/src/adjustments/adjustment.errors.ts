import { ConflictError, InvalidInputError, NotFoundError } from '@atrium/errors';

export class AdjustmentNotFoundError extends NotFoundError {
  constructor(adjustmentId: string) {
    super('adjustment.not-found', `No adjustment ${adjustmentId}.`, [], { adjustmentId });
  }
}

export class AdjustmentMemberUnknownError extends NotFoundError {
  constructor(memberId: string) {
    super('adjustment.member-unknown', `No member ${memberId} has a points account.`, [{ field: 'memberId', message: 'no member has this id' }], { memberId });
  }
}

export class AdjustmentTooLargeError extends InvalidInputError {
  constructor(limit: number) {
    super('adjustment.points-too-large', `One adjustment may add or take at most ${limit} points.`, [{ field: 'points', message: `must be between -${limit} and ${limit}` }], { limit });
  }
}

/** A debit that would take available points below zero; `available` says what may be taken. */
export class AdjustmentExceedsAvailableError extends ConflictError {
  constructor(points: number, available: number) {
    super(
      'adjustment.exceeds-available',
      `Taking ${-points} points would leave available below zero: the member has ${available} available.`,
      [{ field: 'points', message: `may take at most ${Math.max(available, 0)} points` }],
      { available },
    );
  }
}
