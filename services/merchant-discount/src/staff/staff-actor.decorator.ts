import { staffParameters } from '@atrium/staff-identity';

/** The staff member behind a directory change (recorded as its author). */
export const { Staff } = staffParameters('merchant');
