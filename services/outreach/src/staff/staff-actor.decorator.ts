import { staffParameters } from '@atrium/staff-identity';

/** The staff member behind an outreach change (recorded as its author). */
export const { Staff } = staffParameters('outreach');
