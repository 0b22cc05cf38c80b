import { ConflictError, InvalidInputError, NotFoundError } from '@atrium/errors';
import type { CodeStanding } from './corporate-code-rules';

/** No corporate programme has this code (as far as the outreach events told this service). */
export class CorporateCodeUnknownError extends NotFoundError {
  constructor(code: string) {
    super('member.corporate-code-unknown', `No corporate programme has the code ${code}.`, [{ field: 'corporateCode', message: 'is no corporate programme\'s code' }], { code });
  }
}

const REASONS: Record<Exclude<CodeStanding, 'usable' | 'unknown'>, string> = {
  suspended: 'belongs to a programme that is suspended',
  'not-yet-valid': 'is not valid yet',
  expired: 'has expired',
};

/** The code is known but cannot sign anyone up now: `details.reason` says why (suspended, not-yet-valid, expired). */
export class CorporateCodeNotUsableError extends ConflictError {
  constructor(code: string, reason: Exclude<CodeStanding, 'usable' | 'unknown'>, window: { validFrom: Date; validUntil?: Date }) {
    super('member.corporate-code-not-usable', `The corporate code ${code} ${REASONS[reason]}.`, [{ field: 'corporateCode', message: REASONS[reason] }], {
      code,
      reason,
      validFrom: window.validFrom.toISOString(),
      ...(window.validUntil ? { validUntil: window.validUntil.toISOString() } : {}),
    });
  }
}

/** An outreach event that passes its contract but cannot be applied: dead-lettered with this reason. */
export class CorporateProgrammeEventInvalidError extends InvalidInputError {
  constructor(field: string, message: string) {
    super('member.corporate-programme-event-invalid', `outreach.corporate-programme-changed: ${field} ${message}`, [{ field, message }]);
  }
}
