import { ConflictError, InvalidInputError, NotFoundError } from '@atrium/errors';

export class DailyRunNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('settlement.run-not-found', `There is no daily settlement run ${id}.`, [], { runId: id });
  }
}

/** A day that is not a calendar day ("2026-02-30"). */
export class SettlementDayInvalidError extends InvalidInputError {
  constructor(day: string) {
    super('settlement.date-invalid', `"${day}" is not a calendar day.`, [{ field: 'date', message: 'must be a calendar day, e.g. 2026-11-26' }]);
  }
}

/** A day can only be settled once it is over in the centre: its sales could still be returned, its points still spent. */
export class SettlementDayNotEndedError extends InvalidInputError {
  constructor(day: string, today: string) {
    super('settlement.day-not-ended', `${day} has not ended in the centre (today is ${today}).`, [{ field: 'date', message: `must be a day before ${today}` }], { today });
  }
}

/** One run per day at a time: the day's lock is held by a queued or running run. */
export class DailyRunInProgressError extends ConflictError {
  constructor(day: string, runId: string) {
    super('settlement.run-in-progress', `The settlement of ${day} is already running (run ${runId}); follow it, or run the day again once it is over.`, [], { runId, date: day });
  }
}
