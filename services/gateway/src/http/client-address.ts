import type { Request } from 'express';

/**
 * The address a request came from, for per-address limits. Express's `req.ip` honours the
 * app's "trust proxy" setting, so behind a load balancer this is the client, not the balancer.
 */
export function clientAddressOf(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
