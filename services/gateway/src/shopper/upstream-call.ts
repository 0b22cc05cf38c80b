import type { Request } from 'express';
import { TRACE_HEADER, traceIdFor } from '../http/trace-id';
import { clientAddressOf } from '../http/client-address';
import { UpstreamUnavailableError } from '../forwarding/forwarding.errors';
import type { UpstreamService, UpstreamUrls } from '../forwarding/upstream-services';
import type { IdentitySigner } from '../identity/identity-signer';

/** A service's answer, as it came. */
export interface UpstreamAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** The service's Retry-After (a 429's), passed on to the shopper. */
  readonly retryAfter?: string;
}

export interface UpstreamCall {
  readonly method: 'GET' | 'POST';
  /** The path on the service, already encoded, with its query string if any. */
  readonly path: string;
  readonly body?: unknown;
  /** The member the call acts for, when a shopper is signed in. */
  readonly memberId?: string;
}

/** A service that has not answered after this long is reported as down (502). */
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * Calls a service's API on a shopper's behalf. Unlike the staff proxy, the gateway builds
 * these requests itself: the path and the member come from the shopper's token, never from
 * the client, so a shopper can reach nothing but their own records.
 */
export async function callUpstream(
  urls: UpstreamUrls,
  signer: IdentitySigner,
  service: UpstreamService,
  call: UpstreamCall,
  request: Request,
): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    [TRACE_HEADER]: traceIdFor(request.headers[TRACE_HEADER]),
    // The member the call acts for and the shopper's address (the services' per-address limits).
    ...signer.headersFor(call.method, call.path, { shopper: call.memberId, clientAddress: clientAddressOf(request) }),
  };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  let answer: Response;
  try {
    answer = await fetch(`${urls[service]}${call.path}`, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (error) {
    throw new UpstreamUnavailableError(service, reasonOf(error));
  }
  const retryAfter = answer.headers.get('retry-after');
  return {
    status: answer.status,
    contentType: answer.headers.get('content-type') ?? 'application/json',
    body: await answer.text(),
    ...(retryAfter ? { retryAfter } : {}),
  };
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : String(error);
}
