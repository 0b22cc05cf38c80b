import { ConflictError, InvalidInputError, NotFoundError, UnavailableError } from '@atrium/errors';

/** One member per phone number: a second registration points at the first. */
export class PhoneAlreadyRegisteredError extends ConflictError {
  constructor(existingMemberId: string) {
    super('member.phone-taken', 'A member with this phone number already exists.', [{ field: 'phone', message: 'is already registered' }], {
      existingMemberId,
    });
  }
}

export class MemberNotFoundError extends NotFoundError {
  constructor(memberId: string) {
    super('member.not-found', `No member has id ${memberId}.`, [], { memberId });
  }
}

/** The card number drawn was taken already (the counter lost writes); the registration draws again. */
export class CardNumberTakenError extends UnavailableError {
  constructor(cardNumber: string) {
    super('member.card-number-taken', `Card number ${cardNumber} is issued already.`);
  }
}

/** The record was merged into another member or erased: nothing changes it any more. */
export class MemberNotActiveError extends ConflictError {
  constructor(memberId: string, status: string, mergedInto?: string) {
    const where = mergedInto ? ` into ${mergedInto}` : '';
    super('member.not-active', `Member ${memberId} is ${status}${where}; the record no longer changes.`, [], {
      memberId,
      status,
      ...(mergedInto ? { mergedInto } : {}),
    });
  }
}

/** A corporate programme code given with channel desk: the registration would not say where the member came from. */
export class CorporateCodeWithoutChannelError extends InvalidInputError {
  constructor() {
    super('member.corporate-code-without-channel', 'A corporate code registers through channel corporate.', [
      { field: 'corporateCode', message: 'is only given with channel corporate (or without a channel)' },
    ]);
  }
}
