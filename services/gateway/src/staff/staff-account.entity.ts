import type { StaffRole } from './staff-role';

/** A staff account as the gateway sees it: a plain object, never a mongoose document. */
export interface StaffAccount {
  /** Lower case; the account's identity and the `sub` of its tokens. */
  readonly username: string;
  readonly displayName: string;
  /** Never empty. */
  readonly roles: readonly StaffRole[];
  /** A deactivated account cannot log in, and its tokens stop working. */
  readonly active: boolean;
  /** bcrypt hash (cost 10); never leaves the gateway. */
  readonly passwordHash: string;
  readonly createdAt: Date;
}

/** What an admin may change on an account; absent fields stay as they are. */
export interface StaffChanges {
  readonly displayName?: string;
  readonly roles?: readonly StaffRole[];
  readonly active?: boolean;
  readonly passwordHash?: string;
}
