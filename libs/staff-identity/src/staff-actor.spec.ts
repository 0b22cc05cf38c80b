import { staffActorFrom } from './staff-actor';

describe('the staff actor from the gateway headers', () => {
  it('reads the username and the comma-separated roles', () => {
    expect(staffActorFrom({ 'x-atrium-staff': 'desk-amy', 'x-atrium-roles': 'desk, specialist' })).toEqual({ staffId: 'desk-amy', roles: ['desk', 'specialist'] });
  });

  it('names nobody without the staff header, and no roles without the roles header', () => {
    expect(staffActorFrom({})).toBeUndefined();
    expect(staffActorFrom({ 'x-atrium-staff': '  ' })).toBeUndefined();
    expect(staffActorFrom({ 'x-atrium-staff': 'amy' })).toEqual({ staffId: 'amy', roles: [] });
  });
});
