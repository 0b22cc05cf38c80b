import { losesAdminPower } from './admin-continuity';

describe('losesAdminPower', () => {
  const admin = { active: true, roles: ['admin', 'supervisor'] as const };

  it.each([
    ['deactivating an admin', admin, { active: false }, true],
    ['taking the admin role away', admin, { roles: ['supervisor'] as const }, true],
    ['changing other roles of an admin', admin, { roles: ['admin'] as const }, false],
    ['changing nothing', admin, {}, false],
    ['deactivating a non-admin', { active: true, roles: ['desk'] as const }, { active: false }, false],
    ['touching an inactive admin', { active: false, roles: ['admin'] as const }, { roles: ['desk'] as const }, false],
  ])('%s: %s', (_case, account, changes, expected) => {
    expect(losesAdminPower(account, changes)).toBe(expected);
  });
});
