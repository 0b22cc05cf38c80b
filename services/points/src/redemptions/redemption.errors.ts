import { ConflictError, InvalidInputError, NotFoundError, type DomainError } from '@atrium/errors';
import type { Refusal } from '../rewards/reward-rules';

/** A redemption request that is wrong in itself (a field missing, a plate of no known format, too many hours). */
export class RedemptionInvalidError extends InvalidInputError {}

/** A redemption the member's or the reward's state refuses (points, stock, tier, limit, window, a plate's day). */
export class RedemptionConflictError extends ConflictError {}

/** The domain error of a refusal: 400 or 409, naming the field, nothing taken. */
export function refusalError(refusal: Refusal): DomainError {
  const fields = [{ field: refusal.field, message: refusal.message }];
  const message = `Not redeemed: ${refusal.field} ${refusal.message}.`;
  return refusal.status === 'invalid'
    ? new RedemptionInvalidError(refusal.code, message, fields, refusal.details ?? {})
    : new RedemptionConflictError(refusal.code, message, fields, refusal.details ?? {});
}

export class RedemptionNotFoundError extends NotFoundError {
  constructor(redemptionId: string) {
    super('redemption.not-found', `No redemption ${redemptionId}.`, [], { redemptionId });
  }
}

export class RedemptionMemberUnknownError extends NotFoundError {
  constructor(memberId: string) {
    super('redemption.member-unknown', `No member ${memberId} has a points account.`, [{ field: 'memberId', message: 'no member has this id' }], { memberId });
  }
}

export class RedemptionMemberFrozenError extends ConflictError {
  constructor(memberId: string) {
    super('redemption.member-frozen', `Member ${memberId} is frozen and may not redeem points.`, [{ field: 'memberId', message: 'the member is frozen' }], { memberId });
  }
}

/** Not enough of a gift at the desk, or of a voucher's codes, for the quantity asked. */
export class OutOfStockError extends ConflictError {
  constructor(inStock: number, location?: string) {
    super(
      'redemption.out-of-stock',
      location ? `Not redeemed: the desk ${location} has ${inStock} left.` : `Not redeemed: ${inStock} codes are left.`,
      [{ field: 'quantity', message: `at most ${inStock} in stock` }],
      { inStock, ...(location ? { location } : {}) },
    );
  }
}

export class PlateFormatError extends InvalidInputError {
  constructor(message: string) {
    super('redemption.plate-format', `Not redeemed: plate ${message}.`, [{ field: 'plate', message }]);
  }
}

/** A reservation acted on by someone it is not theirs, or collected at another desk. */
export class ReservationNotYoursError extends NotFoundError {
  constructor(redemptionId: string) {
    // Not found rather than forbidden: a shopper learns nothing about other members' reservations.
    super('reservation.not-found', `No reservation ${redemptionId} of yours.`, [], { redemptionId });
  }
}

export class ReservationStateError extends ConflictError {}
