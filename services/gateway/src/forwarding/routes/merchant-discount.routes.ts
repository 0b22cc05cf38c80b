import type { RouteAccessRule } from '../route-access.rule';
import { EVERYONE, OPERATIONS, WRITES } from './role-groups';

/** Staff routes of the merchant-discount service: placeholders until it has real routes (everyone reads, operations staff write). */
export const MERCHANT_DISCOUNT_ROUTES: readonly RouteAccessRule[] = [
  { service: 'merchant-discount', methods: ['GET'], path: '/**', roles: EVERYONE },
  { service: 'merchant-discount', methods: WRITES, path: '/**', roles: OPERATIONS },
];
