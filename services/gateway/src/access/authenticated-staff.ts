import type { Request } from 'express';
import type { StaffRole } from '../staff/staff-role';

/** Who is calling, as proven by a valid access token. */
export interface AuthenticatedStaff {
  readonly username: string;
  readonly roles: readonly StaffRole[];
}

/** The access token a request came with, as far as signing out needs it. */
export interface PresentedToken {
  readonly tokenId: string;
  readonly expiresAt: Date;
}

/** A request the access guard has let through; `staff` and `staffToken` are set on every non-public /api route. */
export interface StaffRequest extends Request {
  staff?: AuthenticatedStaff;
  staffToken?: PresentedToken;
}
