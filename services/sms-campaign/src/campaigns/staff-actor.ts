import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who is calling, as the gateway says: it authenticates staff, removes whatever a client sent
 * under these headers and sets them itself (services/gateway upstream-proxies.ts). Only the
 * gateway reaches the service, so the headers are trusted here. Segments, templates and
 * campaigns all name their authors and approvers from them.
 */
export const STAFF_HEADER = 'x-atrium-staff';
export const ROLES_HEADER = 'x-atrium-roles';

/** A member of staff as the campaign lifecycle knows one (campaign-state's staff actor). */
export interface StaffActor {
  readonly kind: 'staff';
  /** The staff member's username at the gateway. */
  readonly username: string;
  readonly roles: readonly string[];
}

/** Roles that approve templates and campaigns (admins may do everything). */
export const APPROVER_ROLES = ['supervisor', 'admin'] as const;

export function isApprover(actor: StaffActor): boolean {
  return actor.roles.some((role) => (APPROVER_ROLES as readonly string[]).includes(role));
}

/** The caller named by the gateway's headers, or undefined when there are none. */
export function staffActorFrom(headers: IncomingHttpHeaders): StaffActor | undefined {
  const single = (value: string | string[] | undefined): string | undefined => {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    return text ? text : undefined;
  };
  const username = single(headers[STAFF_HEADER]);
  if (!username) return undefined;
  const roles = (single(headers[ROLES_HEADER]) ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role.length > 0);
  return { kind: 'staff', username, roles };
}
