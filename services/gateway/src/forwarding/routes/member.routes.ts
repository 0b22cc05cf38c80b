import type { RouteAccessRule } from '../route-access.rule';
import { DESK_AND_UP, EVERYONE, OPERATIONS } from './role-groups';

/**
 * Staff routes of the member service. The desk registers, looks up, changes contact details
 * (phone, preferred language: PATCH /members/:id/contact), records consent, handles cards and
 * complaints; the rest of the profile (PATCH /members/:id) and the audit trail are the
 * specialists' and supervisors'; finance reads.
 */
export const MEMBER_ROUTES: readonly RouteAccessRule[] = [
  { service: 'member', methods: ['POST'], path: '/members', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members', roles: EVERYONE },
  { service: 'member', methods: ['GET'], path: '/members/:id', roles: EVERYONE },
  { service: 'member', methods: ['PATCH'], path: '/members/:id', roles: OPERATIONS },
  { service: 'member', methods: ['PATCH'], path: '/members/:id/contact', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members/:id/audit', roles: [...OPERATIONS, 'finance'] },
  { service: 'member', methods: ['GET'], path: '/members/:id/consent', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/members/:id/consent', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members/:id/cards', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/lost', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/replacement', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/freeze', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/unfreeze', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/complaints', roles: EVERYONE },
  { service: 'member', methods: ['GET'], path: '/complaints/:id', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/complaints', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/complaints/:id/assignment', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/complaints/:id/status', roles: DESK_AND_UP },
];
