import { NotAllowedError, UnauthenticatedError } from '@atrium/errors';

/** A change of preferences from neither a staff member nor a signed-in shopper: nobody to name as its author. */
export class PreferencesCallerUnknownError extends UnauthenticatedError {
  constructor() {
    super('member.preferences-caller-unknown', 'Preferences are changed by staff or by the signed-in shopper, through the gateway.');
  }
}

/** A shopper's call about another member's preferences (the gateway never makes one). */
export class NotYourPreferencesError extends NotAllowedError {
  constructor() {
    super('member.preferences-not-yours', 'A shopper may change only their own notification preferences.');
  }
}
