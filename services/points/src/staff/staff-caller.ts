import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Who is calling, as the gateway says: it authenticates staff, removes whatever a client sent
 * under these headers and sets them itself (services/gateway upstream-proxies.ts). Only the
 * gateway may reach the service's port, so the headers are trusted here.
 */
export const STAFF_HEADER = 'x-atrium-staff';
export const ROLES_HEADER = 'x-atrium-roles';

export interface StaffCaller {
  /** The signed-in staff member's username; absent when no staff member called (a shopper's self-service). */
  readonly staffId?: string;
  readonly roles: readonly string[];
}

/** Reads the caller that the gateway forwarded: `@Caller() caller: StaffCaller`. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): StaffCaller => {
  const request = context.switchToHttp().getRequest<Request>();
  return callerOf(request.headers[STAFF_HEADER], request.headers[ROLES_HEADER]);
});

export function callerOf(staff: string | string[] | undefined, roles: string | string[] | undefined): StaffCaller {
  const staffId = (Array.isArray(staff) ? staff[0] : staff)?.trim();
  const roleList = (Array.isArray(roles) ? roles.join(',') : (roles ?? ''))
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  return { ...(staffId ? { staffId } : {}), roles: roleList };
}
