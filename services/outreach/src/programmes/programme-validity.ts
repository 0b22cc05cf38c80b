import { InvalidInputError } from '@atrium/errors';

/**
 * A programme's validity window: from `validFrom` (inclusive) until `validUntil` (exclusive;
 * none: no end). An empty or reversed window is a mistake, named on `validUntil`.
 */
export function checkValidityWindow(validFrom: Date, validUntil: Date | undefined): void {
  if (validUntil && validUntil.getTime() <= validFrom.getTime()) {
    throw new InvalidInputError('outreach.programme-window-invalid', 'The programme would end before it begins.', [
      { field: 'validUntil', message: 'must be after validFrom' },
    ]);
  }
}
