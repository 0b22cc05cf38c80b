import { InvalidInputError, NotFoundError } from '@atrium/errors';

export class AccountNotFoundError extends NotFoundError {
  constructor(memberId: string) {
    super('points.account-not-found', `No points account for member ${memberId}.`, [], { memberId });
  }
}

/**
 * A member event about a member this service never opened an account for: the registration
 * comes first on the member's partition, so waiting cannot help; dead-lettered at once, with
 * this reason, and the consumer goes on.
 */
export class AccountNotOpenError extends NotFoundError {
  constructor(memberId: string, eventType: string) {
    super('points.account-not-open', `${eventType} for member ${memberId}, who has no points account`, [], { memberId, eventType });
  }
}

/** A member event that passes its contract but cannot be applied (dead-lettered with the reason). */
export class MemberEventInvalidError extends InvalidInputError {
  constructor(eventType: string, field: string, message: string) {
    super('points.member-event-invalid', `${eventType}: ${field} ${message}`, [{ field, message }], { eventType });
  }
}
