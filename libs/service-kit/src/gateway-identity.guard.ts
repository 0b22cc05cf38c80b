import { type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { UnauthenticatedError } from '@atrium/errors';
import { IDENTITY_SIGNATURE_HEADER, signedRequestOf, verifyIdentity, type SignatureVerdict } from '@atrium/staff-identity';
import { HealthController } from './health/health.controller';

/** A request that did not come through the gateway, or whose identity headers were changed on the way. */
export class GatewayIdentityUnverifiedError extends UnauthenticatedError {
  constructor(service: string, verdict: Exclude<SignatureVerdict, 'valid'>) {
    super(
      `${service}.identity-unverified`,
      `The request has no valid ${IDENTITY_SIGNATURE_HEADER} signature (${verdict}): the services answer only requests the gateway signed.`,
    );
  }
}

/**
 * Every HTTP route of a service except health and metrics (and /docs, /openapi.json, which are
 * not Nest routes) answers only requests the gateway signed with ATRIUM_IDENTITY_SECRET: a
 * request straight to the service's port with hand-written x-atrium-staff headers is refused
 * (401) before any handler runs. Kafka handlers are not HTTP and pass.
 */
export class GatewayIdentityGuard implements CanActivate {
  constructor(
    private readonly serviceName: string,
    private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || context.getClass() === HealthController) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers[IDENTITY_SIGNATURE_HEADER];
    const verdict = verifyIdentity(
      this.secret,
      signedRequestOf(request.method, request.originalUrl, request.headers),
      Array.isArray(header) ? header.join(', ') : header,
    );
    if (verdict !== 'valid') throw new GatewayIdentityUnverifiedError(this.serviceName, verdict);
    return true;
  }
}
