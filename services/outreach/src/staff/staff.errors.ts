import { UnauthenticatedError } from '@atrium/errors';
import { STAFF_HEADER } from './staff-actor';

/** A change arrived without the gateway's identity headers: nobody could be named as its author. */
export class StaffUnknownError extends UnauthenticatedError {
  constructor() {
    super('outreach.staff-unknown', `The caller is not named: staff changes come through the gateway, which sets ${STAFF_HEADER}.`);
  }
}
