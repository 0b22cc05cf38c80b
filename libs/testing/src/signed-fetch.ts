import type { IncomingHttpHeaders } from 'node:http';
import { IDENTITY_SIGNATURE_HEADER, signedRequestOf, signIdentity } from '@atrium/staff-identity';

/**
 * ATRIUM_IDENTITY_SECRET of every service and gateway the tests start (startServiceProcess and
 * runUntilExit set it unless a test passes its own).
 */
export const TEST_IDENTITY_SECRET = 'atrium-test-identity-secret-0123456789';

/**
 * fetch() as the gateway calls a service: the request's identity headers (x-atrium-staff,
 * -roles, -shopper, -client-address) signed in x-atrium-identity with TEST_IDENTITY_SECRET. For
 * tests that talk to a service's port directly; a request without the signature is refused 401.
 */
export async function signedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const target = new URL(url);
  const named: IncomingHttpHeaders = {};
  headers.forEach((value, name) => (named[name] = value));
  const signature = signIdentity(TEST_IDENTITY_SECRET, signedRequestOf(init.method ?? 'GET', target.pathname + target.search, named));
  headers.set(IDENTITY_SIGNATURE_HEADER, signature);
  return fetch(url, { ...init, headers });
}
