import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who is calling, as the gateway says: it authenticates staff and forwards the username in
 * `x-atrium-staff` and the roles in `x-atrium-roles`, replacing whatever a client sent under
 * those names, and signs them (identity-signature.ts). Every service refuses a request without
 * the gateway's valid signature before any route runs (libs/service-kit GatewayIdentityGuard),
 * so by the time these headers are read they are the gateway's.
 */
export const STAFF_HEADER = 'x-atrium-staff';
export const ROLES_HEADER = 'x-atrium-roles';

export interface StaffActor {
  /** The staff member's username: their identity at the gateway. */
  readonly staffId: string;
  readonly roles: readonly string[];
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The caller named by the gateway's headers, or undefined when there are none. */
export function staffActorFrom(headers: IncomingHttpHeaders): StaffActor | undefined {
  const staffId = single(headers[STAFF_HEADER]);
  if (!staffId) return undefined;
  const roles = (single(headers[ROLES_HEADER]) ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role.length > 0);
  return { staffId, roles };
}
