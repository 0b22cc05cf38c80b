import { STAFF_ROLES, type StaffRole } from '../staff/staff-role';
import type { UpstreamService } from './upstream-services';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One line of the table: these roles may call these methods on paths of one service matching
 * the pattern. A pattern is the service's own path; `:name` stands for one path segment and a
 * trailing `**` for any number of them (none included). GET also covers HEAD.
 */
export interface RouteAccessRule {
  readonly service: UpstreamService;
  readonly methods: readonly HttpMethod[];
  readonly path: string;
  readonly roles: readonly StaffRole[];
}

const EVERYONE = STAFF_ROLES;
const DESK_AND_UP: readonly StaffRole[] = ['admin', 'supervisor', 'specialist', 'desk'];
const OPERATIONS: readonly StaffRole[] = ['admin', 'supervisor', 'specialist'];
const WRITES: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Which roles may call which forwarded routes. Anything not listed is refused (admins excepted:
 * they may call every route of every service), and `finance` never gets more than reads,
 * whatever a line says. Add a line here when a service grows a route staff should reach.
 */
export const ROUTE_ACCESS_TABLE: readonly RouteAccessRule[] = [
  { service: 'member', methods: ['POST'], path: '/members', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members/:id', roles: [...DESK_AND_UP, 'finance'] },

  { service: 'points', methods: ['GET'], path: '/accounts/:memberId', roles: EVERYONE },
  { service: 'points', methods: ['POST'], path: '/earning/preview', roles: DESK_AND_UP },
  { service: 'points', methods: ['GET'], path: '/earning-rules/**', roles: EVERYONE },
  // Earning rules decide what every point costs the centre: supervisors and specialists only.
  { service: 'points', methods: ['POST'], path: '/earning-rules', roles: ['admin', 'supervisor', 'specialist'] },
  { service: 'points', methods: ['GET'], path: '/tenants', roles: EVERYONE },
  { service: 'points', methods: ['PUT'], path: '/tenants/:tenantId', roles: OPERATIONS },
  { service: 'points', methods: ['GET'], path: '/purchases/rejected', roles: EVERYONE },
  { service: 'points', methods: ['GET'], path: '/ledger/check', roles: ['admin', 'supervisor', 'finance'] },
  { service: 'points', methods: ['GET'], path: '/ledger/members/:memberId/entries', roles: EVERYONE },

  // Placeholders until these services have real routes: everyone reads, operations staff write.
  { service: 'merchant-discount', methods: ['GET'], path: '/**', roles: EVERYONE },
  { service: 'merchant-discount', methods: WRITES, path: '/**', roles: OPERATIONS },
  { service: 'sms-campaign', methods: ['GET'], path: '/**', roles: EVERYONE },
  { service: 'sms-campaign', methods: WRITES, path: '/**', roles: OPERATIONS },
  { service: 'outreach', methods: ['GET'], path: '/**', roles: EVERYONE },
  { service: 'outreach', methods: WRITES, path: '/**', roles: OPERATIONS },
];
