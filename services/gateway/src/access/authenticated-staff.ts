import type { Request } from 'express';
import type { StaffRole } from '../staff/staff-role';

/** Who is calling, as proven by a valid access token. */
export interface AuthenticatedStaff {
  readonly username: string;
  readonly roles: readonly StaffRole[];
}

/** A request the access guard has let through; `staff` is set on every non-public /api route. */
export interface StaffRequest extends Request {
  staff?: AuthenticatedStaff;
}
