import type { ClientRequest } from 'node:http';
import {
  CLIENT_ADDRESS_HEADER,
  IDENTITY_SIGNATURE_HEADER,
  ROLES_HEADER,
  SHOPPER_HEADER,
  signIdentity,
  STAFF_HEADER,
} from '@atrium/staff-identity';

/** The identity headers a service trusts: only the gateway sets them, and it signs what it set. */
const IDENTITY_HEADERS = [STAFF_HEADER, ROLES_HEADER, SHOPPER_HEADER, CLIENT_ADDRESS_HEADER, IDENTITY_SIGNATURE_HEADER] as const;

/** Who a request to a service is made for, as the gateway established it. */
export interface ForwardedIdentity {
  readonly staff?: string;
  readonly roles?: string;
  readonly shopper?: string;
  readonly clientAddress?: string;
}

/**
 * Sets the identity headers of a request to a service and signs them with ATRIUM_IDENTITY_SECRET
 * (libs/staff-identity), so a service can tell the gateway's requests from hand-written ones.
 */
export class IdentitySigner {
  constructor(private readonly secret: string) {}

  /** The identity headers, signature included, of a request the gateway builds itself. */
  headersFor(method: string, path: string, identity: ForwardedIdentity): Record<string, string> {
    const headers: Record<string, string> = {};
    if (identity.staff !== undefined) headers[STAFF_HEADER] = identity.staff;
    if (identity.roles !== undefined) headers[ROLES_HEADER] = identity.roles;
    if (identity.shopper !== undefined) headers[SHOPPER_HEADER] = identity.shopper;
    if (identity.clientAddress !== undefined) headers[CLIENT_ADDRESS_HEADER] = identity.clientAddress;
    headers[IDENTITY_SIGNATURE_HEADER] = signIdentity(this.secret, { method, path, ...identity });
    return headers;
  }

  /** Replaces whatever identity headers a client sent on a proxied request with the gateway's, signed. */
  signProxied(proxyRequest: ClientRequest, identity: ForwardedIdentity): void {
    for (const header of IDENTITY_HEADERS) proxyRequest.removeHeader(header);
    for (const [header, value] of Object.entries(this.headersFor(proxyRequest.method, proxyRequest.path, identity))) {
      proxyRequest.setHeader(header, value);
    }
  }
}
