import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import type { Socket } from 'node:net';
import type { StaffRequest } from '../access/authenticated-staff';
import { GatewayProblemFilter } from '../http/gateway-problem.filter';
import { TRACE_HEADER, traceIdFor } from '../http/trace-id';
import { SHOPPER_HEADER } from '../shopper/upstream-call';
import { parseForwardedUrl } from './forwarded-url';
import { UpstreamUnavailableError } from './forwarding.errors';
import { UPSTREAM_SERVICES, UPSTREAM_URLS, type UpstreamService, type UpstreamUrls } from './upstream-services';

/** Headers that tell a service who is calling; whatever a client sends under these names is replaced. */
export const STAFF_HEADER = 'x-atrium-staff';
export const ROLES_HEADER = 'x-atrium-roles';

/** A service that has not begun answering after this long is reported as down (502). */
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * One http-proxy-middleware proxy per service. A call to /api/<service>/<path> reaches the
 * service as /<path> with the caller in x-atrium-staff / x-atrium-roles, the trace id, and
 * without the Authorization header (the services trust the gateway, never the token). Bodies
 * stream through untouched: the gateway's JSON parser skips forwarded paths.
 */
@Injectable()
export class UpstreamProxies {
  private readonly proxies: ReadonlyMap<UpstreamService, RequestHandler<Request, Response>>;

  constructor(@Inject(UPSTREAM_URLS) urls: UpstreamUrls, problems: GatewayProblemFilter) {
    this.proxies = new Map(UPSTREAM_SERVICES.map((service) => [service, proxyTo(service, urls[service], problems)]));
  }

  async forward(service: UpstreamService, request: StaffRequest, response: Response): Promise<void> {
    const proxy = this.proxies.get(service);
    if (!proxy) throw new Error(`no proxy for ${service}`);
    await new Promise<void>((resolve, reject) => {
      // next() is called only when the proxy could not even start (e.g. a bad rewrite).
      proxy(request, response, (error?: unknown) => (error === undefined ? resolve() : reject(toError(error)))).then(resolve, reject);
    });
  }
}

function proxyTo(service: UpstreamService, target: string, problems: GatewayProblemFilter): RequestHandler<Request, Response> {
  return createProxyMiddleware<Request, Response>({
    target,
    changeOrigin: true,
    xfwd: true,
    proxyTimeout: UPSTREAM_TIMEOUT_MS,
    pathRewrite: (url) => {
      const forwarded = parseForwardedUrl(url);
      return forwarded ? forwarded.path + forwarded.search : url;
    },
    on: {
      proxyReq: (proxyRequest, request) => {
        const staff = (request as StaffRequest).staff;
        proxyRequest.removeHeader('authorization');
        proxyRequest.removeHeader(STAFF_HEADER);
        proxyRequest.removeHeader(ROLES_HEADER);
        // Only the gateway's shopper routes name a shopper; a staff call never carries one.
        proxyRequest.removeHeader(SHOPPER_HEADER);
        if (staff) {
          proxyRequest.setHeader(STAFF_HEADER, staff.username);
          proxyRequest.setHeader(ROLES_HEADER, staff.roles.join(','));
        }
        proxyRequest.setHeader(TRACE_HEADER, traceIdFor(request.headers[TRACE_HEADER]));
      },
      error: (error, request, response: Response | Socket) => {
        if (!isHttpResponse(response)) {
          response.destroy();
          return;
        }
        problems.respond(new UpstreamUnavailableError(service, reasonOf(error)), request, response);
      },
    },
  });
}

function isHttpResponse(response: Response | Socket): response is Response {
  return 'setHeader' in response;
}

function reasonOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.message;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
