import { InvalidInputError } from '@atrium/errors';

/** A list's period from the query's instants; an empty or reversed period is a mistake, named. */
export function periodOf(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  const start = from ? new Date(from) : undefined;
  const end = to ? new Date(to) : undefined;
  if (start && end && start.getTime() >= end.getTime()) {
    throw new InvalidInputError('complaint.period-invalid', 'The period ends before it begins.', [{ field: 'to', message: 'must be after from' }]);
  }
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) };
}
