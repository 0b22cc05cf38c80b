import type { RouteAccessRule } from '../route-access.rule';
import { DESK_AND_UP, EVERYONE, OPERATIONS, SUPERVISORS } from './role-groups';

/** Specialists, supervisors, and finance reading. */
const OPERATIONS_AND_FINANCE = [...OPERATIONS, 'finance'] as const;

/**
 * Staff routes of the member service. The desk registers (at the desk and at activities), looks
 * up, changes contact details (phone, preferred language: PATCH /members/:id/contact), records
 * consent and the optional SMS the member wants (POST /members/:id/notifications), handles cards and complaints; the rest of the profile (PATCH /members/:id), the audit
 * trail, tiers set by hand, merges, imports and the yearly tier review are the specialists' and
 * supervisors'; erasure is the supervisors' alone; finance reads.
 */
export const MEMBER_ROUTES: readonly RouteAccessRule[] = [
  { service: 'member', methods: ['POST'], path: '/members', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/members/activity-sign-ups', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members', roles: EVERYONE },
  { service: 'member', methods: ['GET'], path: '/members/:id', roles: EVERYONE },
  { service: 'member', methods: ['PATCH'], path: '/members/:id', roles: OPERATIONS },
  { service: 'member', methods: ['PATCH'], path: '/members/:id/contact', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members/:id/audit', roles: [...OPERATIONS, 'finance'] },
  { service: 'member', methods: ['GET'], path: '/members/:id/consent', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/members/:id/consent', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members/:id/notifications', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/members/:id/notifications', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members/:id/cards', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/lost', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/replacement', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/freeze', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/members/:id/cards/unfreeze', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/tiers', roles: EVERYONE },
  { service: 'member', methods: ['GET'], path: '/members/:id/tier', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/members/:id/tier', roles: OPERATIONS },
  { service: 'member', methods: ['POST'], path: '/members/:id/merge', roles: OPERATIONS },
  { service: 'member', methods: ['POST'], path: '/members/:id/erasure', roles: SUPERVISORS },
  { service: 'member', methods: ['POST'], path: '/imports', roles: OPERATIONS },
  { service: 'member', methods: ['GET'], path: '/imports/:id', roles: OPERATIONS_AND_FINANCE },
  { service: 'member', methods: ['POST'], path: '/tier-reviews', roles: OPERATIONS },
  { service: 'member', methods: ['GET'], path: '/tier-reviews', roles: OPERATIONS_AND_FINANCE },
  { service: 'member', methods: ['GET'], path: '/tier-reviews/:id', roles: OPERATIONS_AND_FINANCE },
  { service: 'member', methods: ['GET'], path: '/complaints', roles: EVERYONE },
  { service: 'member', methods: ['GET'], path: '/complaints/:id', roles: EVERYONE },
  { service: 'member', methods: ['POST'], path: '/complaints', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/complaints/:id/assignment', roles: DESK_AND_UP },
  { service: 'member', methods: ['POST'], path: '/complaints/:id/status', roles: DESK_AND_UP },
];
