import type { RouteAccessRule } from '../route-access.rule';
import { OPERATIONS, OPERATIONS_AND_FINANCE } from './role-groups';

/**
 * Staff routes of the outreach service: specialists and supervisors run the outreach to
 * companies around the centre (companies, corporate programmes and their codes); finance reads.
 * The desk registers employees with a code through the member service (POST /members).
 */
export const OUTREACH_ROUTES: readonly RouteAccessRule[] = [
  { service: 'outreach', methods: ['GET'], path: '/companies', roles: OPERATIONS_AND_FINANCE },
  { service: 'outreach', methods: ['GET'], path: '/companies/:id', roles: OPERATIONS_AND_FINANCE },
  { service: 'outreach', methods: ['POST'], path: '/companies', roles: OPERATIONS },
  { service: 'outreach', methods: ['GET'], path: '/programmes', roles: OPERATIONS_AND_FINANCE },
  { service: 'outreach', methods: ['GET'], path: '/programmes/:id', roles: OPERATIONS_AND_FINANCE },
  { service: 'outreach', methods: ['POST'], path: '/programmes', roles: OPERATIONS },
  { service: 'outreach', methods: ['PATCH'], path: '/programmes/:id', roles: OPERATIONS },
];
