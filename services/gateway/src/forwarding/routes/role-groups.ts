import { STAFF_ROLES, type StaffRole } from '../../staff/staff-role';
import type { HttpMethod } from '../route-access.rule';

/** Role groups the per-service route files share, so one policy reads the same everywhere. */
export const EVERYONE = STAFF_ROLES;
export const DESK_AND_UP: readonly StaffRole[] = ['admin', 'supervisor', 'specialist', 'desk'];
export const OPERATIONS: readonly StaffRole[] = ['admin', 'supervisor', 'specialist'];
export const SUPERVISORS: readonly StaffRole[] = ['admin', 'supervisor'];
/** Who settles points (日結, 月結): finance and supervisors. */
export const SETTLEMENT_STAFF: readonly StaffRole[] = ['admin', 'supervisor', 'finance'];
/** Specialists and supervisors, and finance reading (finance never gets more than reads anyway). */
export const OPERATIONS_AND_FINANCE: readonly StaffRole[] = [...OPERATIONS, 'finance'];
export const WRITES: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
