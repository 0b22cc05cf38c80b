import { InvalidInputError, NotFoundError } from '@atrium/errors';

/** A tier code (or label) that is not one of MEMBER_TIERS. */
export class UnknownTierError extends InvalidInputError {
  constructor(given: string, known: readonly string[], field = 'tier') {
    super('member.tier-unknown', `"${given}" is not a tier.`, [{ field, message: `must be one of ${known.join(', ')}` }]);
  }
}

export class TierReviewNotFoundError extends NotFoundError {
  constructor(runId: string) {
    super('member.tier-review-not-found', `No tier review run has id ${runId}.`, [], { runId });
  }
}

export class ReviewAsOfInFutureError extends InvalidInputError {
  constructor() {
    super('member.tier-review-asof-future', 'A review looks back at spend: asOf must not be in the future.', [{ field: 'asOf', message: 'must not be in the future' }]);
  }
}
