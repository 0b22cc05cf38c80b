import type { RouteAccessRule } from '../route-access.rule';
import { DESK_AND_UP, EVERYONE, OPERATIONS, SUPERVISORS } from './role-groups';

/** Staff routes of the points service. */
export const POINTS_ROUTES: readonly RouteAccessRule[] = [
  { service: 'points', methods: ['GET'], path: '/accounts/:memberId', roles: EVERYONE },
  { service: 'points', methods: ['POST'], path: '/earning/preview', roles: DESK_AND_UP },
  { service: 'points', methods: ['GET'], path: '/earning-rules/**', roles: EVERYONE },
  // Earning rules decide what every point costs the centre: supervisors and specialists only.
  { service: 'points', methods: ['POST'], path: '/earning-rules', roles: OPERATIONS },
  { service: 'points', methods: ['GET'], path: '/tenants', roles: EVERYONE },
  { service: 'points', methods: ['PUT'], path: '/tenants/:tenantId', roles: OPERATIONS },
  { service: 'points', methods: ['GET'], path: '/purchases/rejected', roles: EVERYONE },
  { service: 'points', methods: ['GET'], path: '/ledger/check', roles: ['admin', 'supervisor', 'finance'] },
  { service: 'points', methods: ['GET'], path: '/ledger/members/:memberId/entries', roles: EVERYONE },
  // Receipts: the desk hands them in and looks them up; operations decide them; finance reads.
  { service: 'points', methods: ['POST'], path: '/receipts', roles: DESK_AND_UP },
  { service: 'points', methods: ['GET'], path: '/receipts', roles: EVERYONE },
  { service: 'points', methods: ['GET'], path: '/receipts/:receiptId', roles: EVERYONE },
  { service: 'points', methods: ['POST'], path: '/receipts/:receiptId/approve', roles: OPERATIONS },
  { service: 'points', methods: ['POST'], path: '/receipts/:receiptId/reject', roles: OPERATIONS },
  { service: 'points', methods: ['GET'], path: '/members/:memberId/receipts', roles: EVERYONE },
  // Adjustments change points by hand: supervisors only (the service checks the role again).
  { service: 'points', methods: ['POST'], path: '/adjustments', roles: SUPERVISORS },
  { service: 'points', methods: ['GET'], path: '/adjustments', roles: ['admin', 'supervisor', 'finance'] },
  { service: 'points', methods: ['GET'], path: '/adjustments/:adjustmentId', roles: ['admin', 'supervisor', 'finance'] },
];
