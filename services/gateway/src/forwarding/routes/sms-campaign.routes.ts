import type { RouteAccessRule } from '../route-access.rule';
import { EVERYONE, OPERATIONS, WRITES } from './role-groups';

/** Staff routes of the sms-campaign service: placeholders until it has real routes (everyone reads, operations staff write). */
export const SMS_CAMPAIGN_ROUTES: readonly RouteAccessRule[] = [
  { service: 'sms-campaign', methods: ['GET'], path: '/**', roles: EVERYONE },
  { service: 'sms-campaign', methods: WRITES, path: '/**', roles: OPERATIONS },
];
