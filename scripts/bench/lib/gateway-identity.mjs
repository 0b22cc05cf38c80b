// The benches call a service's port directly, as the gateway would: with the identity headers
// signed (x-atrium-identity) under this run's ATRIUM_IDENTITY_SECRET, which they also give the
// service. Signing comes from the built libs/staff-identity (npm run build).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const { IDENTITY_SIGNATURE_HEADER, signedRequestOf, signIdentity } = createRequire(import.meta.url)('../../../libs/staff-identity/dist/index.js');

/** This bench run's identity secret: give it to the service as ATRIUM_IDENTITY_SECRET. */
export const BENCH_IDENTITY_SECRET = randomBytes(32).toString('hex');

/** `headers` plus the gateway's signature of them for `method` on `pathAndQuery`. */
export function signedHeaders(method, pathAndQuery, headers = {}) {
  const named = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { ...headers, [IDENTITY_SIGNATURE_HEADER]: signIdentity(BENCH_IDENTITY_SECRET, signedRequestOf(method, pathAndQuery, named)) };
}
