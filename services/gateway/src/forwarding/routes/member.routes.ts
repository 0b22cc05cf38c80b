import type { RouteAccessRule } from '../route-access.rule';
import { DESK_AND_UP } from './role-groups';

/** Staff routes of the member service. */
export const MEMBER_ROUTES: readonly RouteAccessRule[] = [
  { service: 'member', methods: ['POST'], path: '/members', roles: DESK_AND_UP },
  { service: 'member', methods: ['GET'], path: '/members/:id', roles: [...DESK_AND_UP, 'finance'] },
];
