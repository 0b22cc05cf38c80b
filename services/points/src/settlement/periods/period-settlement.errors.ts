import { ConflictError, InvalidInputError, NotFoundError } from '@atrium/errors';

export class PeriodInvalidError extends InvalidInputError {
  constructor(period: string) {
    super('settlement.period-invalid', `"${period}" is not a settlement period.`, [{ field: 'period', message: 'must be a month as YYYY-MM, e.g. 2026-10' }]);
  }
}

/** A period can only be settled once it is over in the centre. */
export class PeriodNotEndedError extends InvalidInputError {
  constructor(period: string, endsAt: Date) {
    super('settlement.period-not-ended', `${period} has not ended in the centre (it ends at ${endsAt.toISOString()}).`, [{ field: 'period', message: 'must be a month that has ended' }], { endsAt: endsAt.toISOString() });
  }
}

export class PeriodRunInProgressError extends ConflictError {
  constructor(period: string, runId: string) {
    super('settlement.run-in-progress', `The settlement of ${period} is already running (run ${runId}).`, [], { runId, period });
  }
}

export class PeriodRunNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('settlement.run-not-found', `There is no period settlement run ${id}.`, [], { runId: id });
  }
}

export class StatementsNotFoundError extends NotFoundError {
  constructor(period: string) {
    super('settlement.statements-not-found', `${period} has not been settled.`, [], { period });
  }
}
