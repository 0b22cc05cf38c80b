import type { RouteAccessRule } from '../route-access.rule';
import { EVERYONE, OPERATIONS } from './role-groups';

/**
 * Staff routes of the merchant-discount service: specialists and supervisors keep the tenant
 * directory (and import it from CSV) and write discount agreements; everyone, the desk among
 * them, reads both. Who may approve, return, sign or terminate an agreement is the service's
 * rule (supervisors, never the version's author), so every write reaches it from OPERATIONS.
 */
export const MERCHANT_DISCOUNT_ROUTES: readonly RouteAccessRule[] = [
  { service: 'merchant-discount', methods: ['GET'], path: '/tenants', roles: EVERYONE },
  { service: 'merchant-discount', methods: ['GET'], path: '/tenants/:tenantId', roles: EVERYONE },
  { service: 'merchant-discount', methods: ['POST'], path: '/tenants', roles: OPERATIONS },
  { service: 'merchant-discount', methods: ['POST'], path: '/tenants/imports', roles: OPERATIONS },
  { service: 'merchant-discount', methods: ['PATCH'], path: '/tenants/:tenantId', roles: OPERATIONS },
  { service: 'merchant-discount', methods: ['GET'], path: '/agreements', roles: EVERYONE },
  { service: 'merchant-discount', methods: ['GET'], path: '/agreements/:agreementId', roles: EVERYONE },
  { service: 'merchant-discount', methods: ['POST'], path: '/agreements', roles: OPERATIONS },
  { service: 'merchant-discount', methods: ['PUT'], path: '/agreements/:agreementId/draft', roles: OPERATIONS },
  ...['submit', 'approve', 'return', 'sign', 'terminate'].map((action): RouteAccessRule => ({ service: 'merchant-discount', methods: ['POST'], path: `/agreements/:agreementId/${action}`, roles: OPERATIONS })),
];
