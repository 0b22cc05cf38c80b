import type { RouteAccessRule } from '../route-access.rule';
import { DESK_AND_UP, EVERYONE, OPERATIONS, SETTLEMENT_STAFF, SUPERVISORS } from './role-groups';

/** Staff routes of the points service. */
export const POINTS_ROUTES: readonly RouteAccessRule[] = [
  { service: 'points', methods: ['GET'], path: '/accounts/:memberId', roles: EVERYONE },
  { service: 'points', methods: ['POST'], path: '/earning/preview', roles: DESK_AND_UP },
  { service: 'points', methods: ['GET'], path: '/earning-rules/**', roles: EVERYONE },
  // Earning rules decide what every point costs the centre: supervisors and specialists only.
  { service: 'points', methods: ['POST'], path: '/earning-rules', roles: OPERATIONS },
  // A version affects earning only once a supervisor who did not write it approves it (the service checks author and role again).
  { service: 'points', methods: ['POST'], path: '/earning-rules/:version/approve', roles: SUPERVISORS },
  { service: 'points', methods: ['POST'], path: '/earning-rules/:version/reject', roles: SUPERVISORS },
  // The tenants registry is filled by the merchant-discount service's tenant events: read only.
  { service: 'points', methods: ['GET'], path: '/tenants', roles: EVERYONE },
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
  // Rewards catalogue: operations define rewards, stock and voucher codes; everyone reads (the desk asks what a member may redeem).
  { service: 'points', methods: ['GET'], path: '/rewards', roles: EVERYONE },
  { service: 'points', methods: ['GET'], path: '/rewards/:rewardId', roles: EVERYONE },
  { service: 'points', methods: ['GET'], path: '/rewards/:rewardId/stock', roles: EVERYONE },
  { service: 'points', methods: ['POST'], path: '/rewards', roles: OPERATIONS },
  { service: 'points', methods: ['PUT'], path: '/rewards/:rewardId', roles: OPERATIONS },
  { service: 'points', methods: ['POST'], path: '/rewards/:rewardId/stock', roles: OPERATIONS },
  { service: 'points', methods: ['POST'], path: '/rewards/:rewardId/codes', roles: OPERATIONS },
  // Redemptions (積分換禮, 停車優惠): the desk redeems, cancels and hands reservations over; finance reads.
  // POST /reservations is for shoppers only: the gateway's shopper routes call it, never the staff proxy.
  { service: 'points', methods: ['POST'], path: '/redemptions', roles: DESK_AND_UP },
  { service: 'points', methods: ['GET'], path: '/redemptions', roles: EVERYONE },
  { service: 'points', methods: ['GET'], path: '/redemptions/:redemptionId', roles: EVERYONE },
  { service: 'points', methods: ['GET'], path: '/redemptions/:redemptionId/receipt', roles: EVERYONE },
  { service: 'points', methods: ['POST'], path: '/redemptions/:redemptionId/cancel', roles: DESK_AND_UP },
  { service: 'points', methods: ['GET'], path: '/members/:memberId/redemptions', roles: EVERYONE },
  { service: 'points', methods: ['POST'], path: '/reservations/:redemptionId/collect', roles: DESK_AND_UP },
  { service: 'points', methods: ['POST'], path: '/reservations/:redemptionId/cancel', roles: DESK_AND_UP },
  // Settlement (日結, 月結): finance and supervisors start and follow runs and download statements.
  { service: 'points', methods: ['POST'], path: '/settlement/daily-runs', roles: SETTLEMENT_STAFF, financeWrites: true },
  { service: 'points', methods: ['GET'], path: '/settlement/daily-runs', roles: SETTLEMENT_STAFF },
  { service: 'points', methods: ['GET'], path: '/settlement/daily-runs/:runId', roles: SETTLEMENT_STAFF },
  { service: 'points', methods: ['POST'], path: '/settlement/periods', roles: SETTLEMENT_STAFF, financeWrites: true },
  { service: 'points', methods: ['GET'], path: '/settlement/periods/runs/:runId', roles: SETTLEMENT_STAFF },
  { service: 'points', methods: ['GET'], path: '/settlement/periods/:period/runs', roles: SETTLEMENT_STAFF },
  { service: 'points', methods: ['GET'], path: '/settlement/periods/:period/statements', roles: SETTLEMENT_STAFF },
  { service: 'points', methods: ['GET'], path: '/settlement/periods/:period/statements.csv', roles: SETTLEMENT_STAFF },
];
