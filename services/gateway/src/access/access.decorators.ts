import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '../staff/staff-role';

export const ROUTE_ACCESS = Symbol('ROUTE_ACCESS');

/**
 * Who may call a route. Every route under /api must say it; a route that does not is refused
 * to everybody (default deny), so a forgotten decorator fails closed.
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'any-staff' }
  | { readonly kind: 'roles'; readonly roles: readonly StaffRole[] }
  | { readonly kind: 'forwarded' }
  | { readonly kind: 'shopper' };

/** No token needed: sign-in, API documents, shoppers asking for a code, and Twilio webhooks. */
export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);

/** Any signed-in staff member. */
export const AnyStaff = () => SetMetadata(ROUTE_ACCESS, { kind: 'any-staff' } satisfies RouteAccess);

/** Staff with at least one of the roles (admin always qualifies). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROUTE_ACCESS, { kind: 'roles', roles } satisfies RouteAccess);

/** A route forwarded to a service: the route-access table decides, per service, method and path. */
export const Forwarded = () => SetMetadata(ROUTE_ACCESS, { kind: 'forwarded' } satisfies RouteAccess);

/** A signed-in shopper (a shopper token, never a staff one), acting on their own records only. */
export const ShopperOnly = () => SetMetadata(ROUTE_ACCESS, { kind: 'shopper' } satisfies RouteAccess);
