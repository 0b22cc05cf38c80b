/**
 * What a member of staff may do is decided by roles alone. `finance` reads and never writes;
 * `admin` may do everything, including managing staff accounts.
 */
export const STAFF_ROLES = ['admin', 'supervisor', 'specialist', 'desk', 'finance'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
