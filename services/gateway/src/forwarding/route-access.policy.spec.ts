import { STAFF_ROLES, type StaffRole } from '../staff/staff-role';
import { RouteAccessPolicy } from './route-access.policy';
import { ROUTE_ACCESS_TABLE, type RouteAccessRule } from './route-access.table';

const policy = new RouteAccessPolicy(ROUTE_ACCESS_TABLE);
const MEMBER_ID = '7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11';

function allowed(service: string, method: string, path: string, role: StaffRole): boolean {
  return policy.allows({ service, method, path, roles: [role] });
}

function rolesAllowed(service: string, method: string, path: string): StaffRole[] {
  return STAFF_ROLES.filter((role) => allowed(service, method, path, role));
}

describe('the route-access table', () => {
  it.each([
    ['member', 'POST', '/members', ['admin', 'supervisor', 'specialist', 'desk']],
    ['member', 'GET', `/members/${MEMBER_ID}`, ['admin', 'supervisor', 'specialist', 'desk', 'finance']],
    ['member', 'HEAD', `/members/${MEMBER_ID}`, ['admin', 'supervisor', 'specialist', 'desk', 'finance']],
    ['member', 'GET', '/members', ['admin', 'supervisor', 'specialist', 'desk', 'finance']],
    ['member', 'PATCH', `/members/${MEMBER_ID}`, ['admin', 'supervisor', 'specialist']],
    ['member', 'PATCH', `/members/${MEMBER_ID}/contact`, ['admin', 'supervisor', 'specialist', 'desk']],
    ['member', 'GET', `/members/${MEMBER_ID}/audit`, ['admin', 'supervisor', 'specialist', 'finance']],
    ['member', 'POST', `/members/${MEMBER_ID}/cards/freeze`, ['admin', 'supervisor', 'specialist', 'desk']],
    ['member', 'POST', '/members/activity-sign-ups', ['admin', 'supervisor', 'specialist', 'desk']],
    ['member', 'GET', `/members/${MEMBER_ID}/tier`, ['admin', 'supervisor', 'specialist', 'desk', 'finance']],
    ['member', 'POST', `/members/${MEMBER_ID}/tier`, ['admin', 'supervisor', 'specialist']],
    ['member', 'POST', `/members/${MEMBER_ID}/merge`, ['admin', 'supervisor', 'specialist']],
    ['member', 'POST', `/members/${MEMBER_ID}/erasure`, ['admin', 'supervisor']],
    ['member', 'POST', '/imports', ['admin', 'supervisor', 'specialist']],
    ['member', 'GET', `/imports/${MEMBER_ID}`, ['admin', 'supervisor', 'specialist', 'finance']],
    ['member', 'POST', '/tier-reviews', ['admin', 'supervisor', 'specialist']],
    ['member', 'GET', `/tier-reviews/${MEMBER_ID}`, ['admin', 'supervisor', 'specialist', 'finance']],
    ['points', 'GET', `/accounts/${MEMBER_ID}`, ['admin', 'supervisor', 'specialist', 'desk', 'finance']],
    ['points', 'POST', '/settlement/periods', ['admin', 'supervisor', 'finance']],
    ['points', 'GET', '/settlement/periods/2026-10/statements.csv', ['admin', 'supervisor', 'finance']],
    ['points', 'POST', '/settlement/daily-runs', ['admin', 'supervisor', 'finance']],
    ['merchant-discount', 'GET', '/tenants/T-0105', ['admin', 'supervisor', 'specialist', 'desk', 'finance']],
    ['merchant-discount', 'GET', '/tenants', ['admin', 'supervisor', 'specialist', 'desk', 'finance']],
    ['merchant-discount', 'POST', '/tenants', ['admin', 'supervisor', 'specialist']],
    ['merchant-discount', 'POST', '/tenants/imports', ['admin', 'supervisor', 'specialist']],
    ['merchant-discount', 'PATCH', '/tenants/T-0105', ['admin', 'supervisor', 'specialist']],
    ['sms-campaign', 'GET', '/campaigns/9/results', ['admin', 'supervisor', 'specialist', 'finance']],
    ['sms-campaign', 'POST', '/campaigns/9/approve', ['admin', 'supervisor']],
    ['outreach', 'POST', '/programmes', ['admin', 'supervisor', 'specialist']],
    ['outreach', 'GET', '/programmes/7d4f1a52-9a3e-4c1b-8f00-2b7c9d1e0a11', ['admin', 'supervisor', 'specialist', 'finance']],
  ])('%s %s %s is open to %j', (service, method, path, roles) => {
    expect(rolesAllowed(service, method, path)).toEqual(roles);
  });

  it.each([
    ['member', 'PUT', `/members/${MEMBER_ID}`],
    ['member', 'POST', `/members/${MEMBER_ID}`],
    ['member', 'DELETE', `/members/${MEMBER_ID}`],
    ['member', 'GET', `/members/${MEMBER_ID}/secrets`],
    ['member', 'OPTIONS', '/members'],
    ['points', 'POST', `/accounts/${MEMBER_ID}`],
    ['points', 'GET', '/accounts'],
    ['points', 'GET', '/ledger'],
    // The tenants registry comes from the directory's events: nobody types tenants in twice.
    ['points', 'PUT', '/tenants/T-0105'],
    ['merchant-discount', 'DELETE', '/tenants/T-0105'],
  ])('refuses everyone but admin %s %s %s (default deny)', (service, method, path) => {
    expect(rolesAllowed(service, method, path)).toEqual(['admin']);
  });

  it('lets an admin call any route of a service, listed or not', () => {
    expect(allowed('points', 'DELETE', '/anything/at/all', 'admin')).toBe(true);
    expect(allowed('member', 'PUT', '/', 'admin')).toBe(true);
  });

  it('matches the method without regard to case and a trailing slash as none', () => {
    expect(allowed('member', 'post', '/members/', 'desk')).toBe(true);
  });

  it('matches literal segments exactly', () => {
    expect(allowed('member', 'POST', '/Members', 'desk')).toBe(false);
    expect(allowed('member', 'POST', '/members-export', 'desk')).toBe(false);
    expect(allowed('member', 'GET', `/members/${MEMBER_ID}`, 'desk')).toBe(true);
  });

  it.each(['/members//', '//members', '/members/..', '/members/.', '/members/%2e%2e', '/members/%2E', '/members/a%2Fb', '/members/a%5Cb', '/members/%E0%A4%A'])(
    'refuses the ambiguous path %s to everyone, admins included',
    (path) => {
      for (const role of STAFF_ROLES) expect(allowed('member', 'GET', path, role)).toBe(false);
    },
  );

  it('never lets finance write, whatever a line of the table says', () => {
    const careless: RouteAccessRule[] = [{ service: 'outreach', methods: ['POST', 'GET'], path: '/**', roles: ['finance'] }];
    const lenient = new RouteAccessPolicy(careless);
    expect(lenient.allows({ service: 'outreach', method: 'POST', path: '/tasks', roles: ['finance'] })).toBe(false);
    expect(lenient.allows({ service: 'outreach', method: 'GET', path: '/tasks', roles: ['finance'] })).toBe(true);
    // Finance beside another role keeps that role's writes.
    expect(policy.allows({ service: 'member', method: 'POST', path: '/members', roles: ['finance', 'desk'] })).toBe(true);
  });

  it('gives finance nothing but reads anywhere in the table, except starting settlement runs', () => {
    const writes = ['POST', 'PUT', 'PATCH', 'DELETE'];
    for (const rule of ROUTE_ACCESS_TABLE) {
      if (!rule.roles.includes('finance')) continue;
      if (rule.financeWrites) expect(rule.path).toMatch(/^\/settlement\//);
      else expect(rule.methods.filter((method) => writes.includes(method))).toEqual([]);
    }
  });

  it('ignores finance in a writing line that does not say finance writes', () => {
    const policyWithSlip = new RouteAccessPolicy([{ service: 'points', methods: ['GET', 'POST'], path: '/rewards', roles: ['finance'] }]);
    expect(policyWithSlip.allows({ service: 'points', method: 'GET', path: '/rewards', roles: ['finance'] })).toBe(true);
    expect(policyWithSlip.allows({ service: 'points', method: 'POST', path: '/rewards', roles: ['finance'] })).toBe(false);
  });

  it('refuses a role nobody listed and a service nobody listed', () => {
    expect(policy.allows({ service: 'member', method: 'GET', path: `/members/${MEMBER_ID}`, roles: [] })).toBe(false);
    expect(allowed('billing', 'GET', '/invoices', 'supervisor')).toBe(false);
  });

  describe('path patterns', () => {
    const patterns = new RouteAccessPolicy([
      { service: 'outreach', methods: ['GET'], path: '/tasks/:id/notes/**', roles: ['desk'] },
      { service: 'outreach', methods: ['GET'], path: '/', roles: ['supervisor'] },
    ]);
    const desk = (path: string) => patterns.allows({ service: 'outreach', method: 'GET', path, roles: ['desk'] });

    it('takes :name for exactly one non-empty segment and ** for any rest, none included', () => {
      expect(desk('/tasks/9/notes')).toBe(true);
      expect(desk('/tasks/9/notes/3')).toBe(true);
      expect(desk('/tasks/9/notes/3/attachments')).toBe(true);
      expect(desk('/tasks/notes')).toBe(false);
      expect(desk('/tasks/9/10/notes')).toBe(false);
      expect(desk('/tasks/9/other')).toBe(false);
    });

    it('matches the root only with the root', () => {
      expect(patterns.allows({ service: 'outreach', method: 'GET', path: '/', roles: ['supervisor'] })).toBe(true);
      expect(patterns.allows({ service: 'outreach', method: 'GET', path: '/tasks', roles: ['supervisor'] })).toBe(false);
    });
  });
});
