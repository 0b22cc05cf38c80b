import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Metrics } from '@atrium/observability';
import { parseForwardedUrl } from '../forwarding/forwarded-url';
import { isUpstreamService } from '../forwarding/upstream-services';

/**
 * Times every request until its answer is sent, forwarded ones included (an interceptor
 * would stop at the handler's return, before the service has answered). Labelled by route
 * template or by service, never by raw path, so ids do not explode the label set.
 */
export function requestMetricsMiddleware(metrics: Metrics): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const stop = metrics.httpRequests.startTimer({ method: request.method });
    response.once('finish', () => stop({ route: routeLabelOf(request), status: String(response.statusCode) }));
    next();
  };
}

function routeLabelOf(request: Request): string {
  const forwarded = parseForwardedUrl(request.originalUrl);
  const routePath = (request.route as { path?: unknown } | undefined)?.path;
  if (forwarded && isUpstreamService(forwarded.service) && !String(routePath).endsWith('openapi.json')) return `/api/${forwarded.service}/*`;
  return typeof routePath === 'string' ? routePath : 'unmatched';
}
