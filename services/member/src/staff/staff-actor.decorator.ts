import { staffParameters } from '@atrium/staff-identity';

/** The staff member behind a member-service request (`Staff`: required for changes, for the audit). */
export const { Staff, OptionalStaff } = staffParameters('member');
