import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ROLES_HEADER, STAFF_HEADER } from './staff-actor';

/**
 * The gateway's proof that it set a request's identity headers: `<unix-ms>.<hex HMAC-SHA256>`
 * over the method, the path with its query, the staff, roles, shopper and client-address
 * headers and the time, keyed with the secret only the gateway and the services hold. A
 * captured header is worthless for another route, another identity, or after the window.
 */
export const IDENTITY_SIGNATURE_HEADER = 'x-atrium-identity';

/** The shopper a gateway shopper route acts for, and the shopper's address (per-address limits). */
export const SHOPPER_HEADER = 'x-atrium-shopper';
export const CLIENT_ADDRESS_HEADER = 'x-atrium-client-address';

/** How far a signature's time may lie from the verifier's clock, either way (skew between hosts). */
export const IDENTITY_SIGNATURE_WINDOW_MS = 60_000;

/** What a signature covers: everything a service decides "who" and "what" from. */
export interface SignedRequest {
  readonly method: string;
  /** The path and query exactly as the service receives them. */
  readonly path: string;
  readonly staff?: string;
  readonly roles?: string;
  readonly shopper?: string;
  readonly clientAddress?: string;
}

export type SignatureVerdict = 'valid' | 'missing' | 'malformed' | 'expired' | 'forged';

function macOf(secret: string, request: SignedRequest, timestamp: number): string {
  // Unit separators between fields: no field can slide into its neighbour ("a" + "bc" vs "ab" + "c").
  const fields = [request.method.toUpperCase(), request.path, request.staff ?? '', request.roles ?? '', request.shopper ?? '', request.clientAddress ?? '', String(timestamp)];
  return createHmac('sha256', secret).update(fields.join('\u001f')).digest('hex');
}

/** The header value the gateway sends with a request. */
export function signIdentity(secret: string, request: SignedRequest, now: number = Date.now()): string {
  return `${now}.${macOf(secret, request, now)}`;
}

/** Whether a request's signature header is the gateway's, for this request, and recent. */
export function verifyIdentity(secret: string, request: SignedRequest, header: string | undefined, now: number = Date.now()): SignatureVerdict {
  if (header === undefined || header.trim() === '') return 'missing';
  const match = /^(\d{1,16})\.([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return 'malformed';
  const timestamp = Number(match[1]);
  if (Math.abs(now - timestamp) > IDENTITY_SIGNATURE_WINDOW_MS) return 'expired';
  const expected = Buffer.from(macOf(secret, request, timestamp), 'hex');
  const given = Buffer.from(match[2], 'hex');
  return timingSafeEqual(expected, given) ? 'valid' : 'forged';
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * What a request claims, read from its headers exactly as they travel: the gateway signs the
 * headers it sets, a service verifies the headers it received, both through this one reading.
 */
export function signedRequestOf(method: string, path: string, headers: IncomingHttpHeaders): SignedRequest {
  return {
    method,
    path,
    staff: headerText(headers[STAFF_HEADER]),
    roles: headerText(headers[ROLES_HEADER]),
    shopper: headerText(headers[SHOPPER_HEADER]),
    clientAddress: headerText(headers[CLIENT_ADDRESS_HEADER]),
  };
}
