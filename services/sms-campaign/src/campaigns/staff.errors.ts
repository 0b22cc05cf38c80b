import { UnauthenticatedError } from '@atrium/errors';
import { STAFF_HEADER } from './staff-actor';

/** A write arrived without the gateway's identity headers. */
export class StaffUnknownError extends UnauthenticatedError {
  constructor() {
    super('sms.staff-unknown', `The caller is not named: staff changes come through the gateway, which sets ${STAFF_HEADER}.`);
  }
}
