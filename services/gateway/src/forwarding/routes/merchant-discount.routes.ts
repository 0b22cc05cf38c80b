import type { RouteAccessRule } from '../route-access.rule';
import { EVERYONE, OPERATIONS } from './role-groups';

/**
 * Staff routes of the merchant-discount service: specialists and supervisors keep the tenant
 * directory (and import it from CSV); everyone, the desk among them, reads it.
 */
export const MERCHANT_DISCOUNT_ROUTES: readonly RouteAccessRule[] = [
  { service: 'merchant-discount', methods: ['GET'], path: '/tenants', roles: EVERYONE },
  { service: 'merchant-discount', methods: ['GET'], path: '/tenants/:tenantId', roles: EVERYONE },
  { service: 'merchant-discount', methods: ['POST'], path: '/tenants', roles: OPERATIONS },
  { service: 'merchant-discount', methods: ['POST'], path: '/tenants/imports', roles: OPERATIONS },
  { service: 'merchant-discount', methods: ['PATCH'], path: '/tenants/:tenantId', roles: OPERATIONS },
];
