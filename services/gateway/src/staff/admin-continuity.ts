import type { StaffAccount, StaffChanges } from './staff-account.entity';

/** Whether the changes take an active admin's admin power away (deactivation or losing the role). */
export function losesAdminPower(account: Pick<StaffAccount, 'active' | 'roles'>, changes: Pick<StaffChanges, 'active' | 'roles'>): boolean {
  const isAdminNow = account.active && account.roles.includes('admin');
  const isAdminAfter = (changes.active ?? account.active) && (changes.roles ?? account.roles).includes('admin');
  return isAdminNow && !isAdminAfter;
}
