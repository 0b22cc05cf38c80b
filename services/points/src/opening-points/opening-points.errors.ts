import { InvalidInputError, UnavailableError } from '@atrium/errors';

/** A grant its contract allows but that credits nothing (zero or negative points): dead-lettered with this reason. */
export class OpeningGrantInvalidError extends InvalidInputError {
  constructor(grantId: string, field: string, message: string) {
    super('points.opening-grant-invalid', `member.opening-points-granted ${grantId}: ${field} ${message}`, [{ field, message }], { grantId });
  }
}

/**
 * The grant's member has no points account yet. The grant is held, and credited when the
 * account opens; the event is retried meanwhile and, if the account is still missing after the
 * last attempt, dead-lettered with this reason (a registration that never came).
 */
export class OpeningGrantAccountNotOpenError extends UnavailableError {
  constructor(grantId: string, memberId: string) {
    super('points.opening-grant-account-not-open', `opening points ${grantId} for member ${memberId}, who has no points account yet; held until it opens`);
  }
}
