import { ConflictError, InvalidInputError, RateLimitedError } from '@atrium/errors';

/**
 * A wrong, expired, used or superseded code: one answer for all, so a caller learns nothing
 * about which codes exist. `attemptsLeft` counts what remains on the current code, if any.
 */
export class VerificationCodeRejectedError extends InvalidInputError {
  constructor(attemptsLeft?: number) {
    super(
      'verification.code-rejected',
      'The code is wrong or no longer valid; check the SMS or ask for a new code.',
      [{ field: 'code', message: 'is wrong, expired or already used' }],
      attemptsLeft === undefined ? {} : { attemptsLeft },
    );
  }
}

/** Too many tries on one code: it is dead, and only a new code helps. */
export class VerificationAttemptsExhaustedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('verification.attempts-exhausted', 'Too many wrong codes; ask for a new code.', retryAfterSeconds);
  }
}

/** Codes are asked for too often from this phone or this address. */
export class VerificationRequestsLimitedError extends RateLimitedError {
  constructor(scope: 'phone' | 'address', retryAfterSeconds: number) {
    super(
      `verification.too-many-requests-per-${scope}`,
      scope === 'phone' ? 'A code was sent to this phone recently; wait before asking again.' : 'Too many codes were asked for from this address; try later.',
      retryAfterSeconds,
    );
  }
}

/**
 * Sign-up with a phone that is a member's already. Unlike the desk's 409, the answer names no
 * member id: this route is public.
 */
export class AlreadyAMemberError extends ConflictError {
  constructor() {
    super('verification.already-a-member', 'This phone number belongs to a member already; sign in instead.', [
      { field: 'phone', message: 'is already registered' },
    ]);
  }
}

/**
 * The carrier blocks the centre's SMS to this phone (Twilio error 21610: the shopper opted out
 * with the carrier), so a code could never arrive. Texting START to the centre's number lifts
 * the block; until then the shopper is told so rather than waiting for a code.
 */
export class NumberBlockedByCarrierError extends ConflictError {
  constructor() {
    super(
      'verification.number-blocked-by-carrier',
      "This phone's carrier blocks text messages from the centre, so no code can reach it. Text START to the centre's number to lift the block, then ask again.",
      [{ field: 'phone', message: 'blocks text messages from the centre' }],
    );
  }
}
