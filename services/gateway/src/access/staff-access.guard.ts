import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnknownServiceError } from '../forwarding/forwarding.errors';
import { parseForwardedUrl } from '../forwarding/forwarded-url';
import { RouteAccessPolicy } from '../forwarding/route-access.policy';
import { isUpstreamService } from '../forwarding/upstream-services';
import type { AuthenticatedShopper, ShopperRequest } from '../shopper/authenticated-shopper';
import { ShopperTokenService } from '../shopper/shopper-token.service';
import { StaffSessionsRepository } from '../staff/staff-sessions.repository';
import { AuthenticationRequiredError, RoleNotAllowedError } from './access.errors';
import { ROUTE_ACCESS, type RouteAccess } from './access.decorators';
import { AccessTokenService, type TokenClaims } from './access-token.service';
import type { AuthenticatedStaff, StaffRequest } from './authenticated-staff';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The one gate of the staff API. Everything under /api needs a valid staff token unless the
 * route is @Public(); then the route's access rule decides (roles, the forwarding table), and a
 * route without a rule is refused. Outside /api are only health and metrics, for probes.
 */
@Injectable()
export class StaffAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly sessions: StaffSessionsRepository,
    private readonly policy: RouteAccessPolicy,
    private readonly shopperTokens: ShopperTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [context.getHandler(), context.getClass()]);
    if (access?.kind === 'public') return true;
    if (!request.originalUrl.startsWith('/api/')) return true;
    if (access?.kind === 'shopper') {
      (request as ShopperRequest).shopper = await this.authenticateShopper(request);
      return true;
    }

    const claims = await this.authenticate(request);
    const staff: AuthenticatedStaff = { username: claims.username, roles: claims.roles };
    request.staff = staff;
    request.staffToken = { tokenId: claims.tokenId, expiresAt: claims.expiresAt };
    const refused = new RoleNotAllowedError(request.method, request.originalUrl.split('?')[0]);
    if (!access) throw refused;
    switch (access.kind) {
      case 'any-staff':
        return true;
      case 'roles':
        if (staff.roles.includes('admin') || access.roles.some((role) => staff.roles.includes(role))) return true;
        throw refused;
      case 'forwarded': {
        const target = parseForwardedUrl(request.originalUrl);
        if (!target || !isUpstreamService(target.service)) throw new UnknownServiceError(target?.service ?? '');
        if (this.policy.allows({ service: target.service, method: request.method, path: target.path, roles: staff.roles })) return true;
        throw refused;
      }
    }
  }

  private async authenticateShopper(request: StaffRequest): Promise<AuthenticatedShopper> {
    const token = bearerTokenOf(request);
    const shopper = token === undefined ? undefined : await this.shopperTokens.verify(token);
    if (!shopper) throw new AuthenticationRequiredError('auth.token-invalid', 'The shopper token is invalid or has expired; sign in again with a code.');
    return shopper;
  }

  /** The token is checked here, without the database; Redis says whether it was signed out or its account changed. */
  private async authenticate(request: StaffRequest): Promise<TokenClaims> {
    const token = bearerTokenOf(request);
    const claims = token === undefined ? undefined : await this.tokens.verify(token);
    if (!claims) throw new AuthenticationRequiredError('auth.token-invalid', 'The access token is invalid or has expired; sign in again.');
    const session = await this.sessions.stateOf(claims.username, claims.tokenId);
    if (session.revoked) throw new AuthenticationRequiredError('auth.token-revoked', 'This token was signed out; sign in again.');
    if (claims.sessionVersion !== session.currentVersion) {
      throw new AuthenticationRequiredError('auth.session-ended', 'This session has ended (the account was changed); sign in again.');
    }
    return claims;
  }
}

/** The bearer token of a request; a request without an Authorization header is told to sign in. */
function bearerTokenOf(request: StaffRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) throw new AuthenticationRequiredError('auth.token-missing', 'Sign in first: send Authorization: Bearer <token>.');
  return BEARER.exec(header)?.[1];
}
