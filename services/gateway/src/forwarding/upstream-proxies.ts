import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import type { Agent } from 'node:http';
import type { Socket } from 'node:net';
import type { StaffRequest } from '../access/authenticated-staff';
import { GatewayProblemFilter } from '../http/gateway-problem.filter';
import { TRACE_HEADER, traceIdFor } from '../http/trace-id';
import { IdentitySigner } from '../identity/identity-signer';
import { parseForwardedUrl } from './forwarded-url';
import { upstreamAgent } from './upstream-agent';
import { UpstreamUnavailableError } from './forwarding.errors';
import { UPSTREAM_SERVICES, UPSTREAM_URLS, type UpstreamService, type UpstreamUrls } from './upstream-services';

export const UPSTREAM_IDLE_SOCKETS = Symbol('UPSTREAM_IDLE_SOCKETS');

/** A service that has not begun answering after this long is reported as down (502). */
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * One http-proxy-middleware proxy per service. A call to /api/<service>/<path> reaches the
 * service as /<path> with the caller in x-atrium-staff / x-atrium-roles, signed in
 * x-atrium-identity (IdentitySigner), the trace id, and without the Authorization header (the
 * services verify the gateway's signature, never the token). Bodies
 * stream through untouched: the gateway's JSON parser skips forwarded paths. Each service has
 * its own keep-alive pool (upstreamAgent).
 */
@Injectable()
export class UpstreamProxies implements OnModuleDestroy {
  private readonly proxies: ReadonlyMap<UpstreamService, RequestHandler<Request, Response>>;
  private readonly agents: readonly Agent[];

  constructor(
    @Inject(UPSTREAM_URLS) urls: UpstreamUrls,
    @Inject(UPSTREAM_IDLE_SOCKETS) idleSockets: number,
    problems: GatewayProblemFilter,
    signer: IdentitySigner,
  ) {
    const agents = new Map(UPSTREAM_SERVICES.map((service) => [service, upstreamAgent(urls[service], idleSockets)]));
    this.agents = [...agents.values()];
    this.proxies = new Map(UPSTREAM_SERVICES.map((service) => [service, proxyTo(service, urls[service], agents.get(service), problems, signer)]));
  }

  /** Closes the kept-alive connections, which would otherwise hold the process open. */
  onModuleDestroy(): void {
    for (const agent of this.agents) agent.destroy();
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

function proxyTo(
  service: UpstreamService,
  target: string,
  agent: Agent | undefined,
  problems: GatewayProblemFilter,
  signer: IdentitySigner,
): RequestHandler<Request, Response> {
  return createProxyMiddleware<Request, Response>({
    target,
    // Without an agent the proxy sends "Connection: close" and opens a connection per call.
    agent,
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
        // Only the gateway's shopper routes name a shopper or an address; a staff call never carries one.
        signer.signProxied(proxyRequest, staff ? { staff: staff.username, roles: staff.roles.join(',') } : {});
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
