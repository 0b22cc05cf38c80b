import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import type { Socket } from 'node:net';
import { UpstreamUnavailableError } from '../forwarding/forwarding.errors';
import { UPSTREAM_URLS, type UpstreamUrls } from '../forwarding/upstream-services';
import { GatewayProblemFilter } from '../http/gateway-problem.filter';
import { TRACE_HEADER, traceIdFor } from '../http/trace-id';
import { IdentitySigner } from '../identity/identity-signer';

/** What Twilio posts to: its status callbacks and the shoppers' inbound messages. */
export type TwilioWebhook = 'status' | 'inbound';

/** Twilio waits 15 s for a webhook's answer; answering later is no use to it. */
const UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * Streams Twilio's webhook requests to the SMS campaign service: `/api/webhooks/twilio/<hook>?q`
 * reaches it as `/twilio/<hook>?q`, the form body byte for byte and X-Twilio-Signature intact.
 * The service checks the signature against the public URL (TWILIO_WEBHOOK_BASE_URL plus the
 * query), so the gateway must neither parse nor re-encode the body (a reordered or re-escaped
 * parameter still validates, but a dropped one would not, and nothing here needs to read it).
 */
@Injectable()
export class TwilioWebhookProxy {
  private readonly proxy: RequestHandler<Request, Response>;

  constructor(@Inject(UPSTREAM_URLS) urls: UpstreamUrls, problems: GatewayProblemFilter, signer: IdentitySigner) {
    this.proxy = createProxyMiddleware<Request, Response>({
      target: urls['sms-campaign'],
      changeOrigin: true,
      xfwd: true,
      proxyTimeout: UPSTREAM_TIMEOUT_MS,
      pathRewrite: (url) => serviceUrlOf(url) ?? url,
      on: {
        proxyReq: (proxyRequest, request) => {
          // Nobody is signed in on a webhook: whatever identity headers arrive are forged. The
          // signature names nobody; it only says the request came through the gateway.
          proxyRequest.removeHeader('authorization');
          signer.signProxied(proxyRequest, {});
          proxyRequest.setHeader(TRACE_HEADER, traceIdFor(request.headers[TRACE_HEADER]));
        },
        error: (error, request, response: Response | Socket) => {
          if (!('setHeader' in response)) {
            response.destroy();
            return;
          }
          const code = (error as { code?: unknown }).code;
          problems.respond(new UpstreamUnavailableError('sms-campaign', typeof code === 'string' ? code : error.message), request, response);
        },
      },
    });
  }

  async forward(request: Request, response: Response): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      // next() is called only when the proxy could not even start (e.g. a bad rewrite).
      this.proxy(request, response, (error?: unknown) => (error === undefined ? resolve() : reject(asError(error)))).then(resolve, reject);
    });
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'the proxy could not start');
}

const WEBHOOK_URL = /^\/api\/webhooks\/twilio\/(status|inbound)(\?[^#]*)?$/;

/** `/api/webhooks/twilio/status?x=1` → `/twilio/status?x=1`; undefined for any other URL. */
export function serviceUrlOf(url: string): string | undefined {
  const match = WEBHOOK_URL.exec(url);
  return match ? `/twilio/${match[1]}${match[2] ?? ''}` : undefined;
}
