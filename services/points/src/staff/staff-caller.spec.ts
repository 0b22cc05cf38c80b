import { callerOf } from './staff-caller';

describe('the caller the gateway forwards', () => {
  it.each([
    ['a supervisor', 'sup-chen', 'supervisor', { staffId: 'sup-chen', roles: ['supervisor'] }],
    ['several roles, spaced', ' amy ', 'desk, specialist', { staffId: 'amy', roles: ['desk', 'specialist'] }],
    ['no staff member (a shopper\'s self-service)', undefined, undefined, { roles: [] }],
    ['an empty staff header', '  ', '', { roles: [] }],
    ['repeated headers, taking the first username', ['amy', 'bo'], ['desk', 'finance'], { staffId: 'amy', roles: ['desk', 'finance'] }],
  ])('%s', (_, staff, roles, caller) => {
    expect(callerOf(staff, roles)).toEqual(caller);
  });
});
