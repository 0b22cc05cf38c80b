import type { RouteAccessRule } from '../route-access.rule';
import { EVERYONE, OPERATIONS, WRITES } from './role-groups';

/** Staff routes of the outreach service: placeholders until it has real routes (everyone reads, operations staff write). */
export const OUTREACH_ROUTES: readonly RouteAccessRule[] = [
  { service: 'outreach', methods: ['GET'], path: '/**', roles: EVERYONE },
  { service: 'outreach', methods: WRITES, path: '/**', roles: OPERATIONS },
];
