import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * The connection pool of one service: forwarded calls reuse kept-alive connections instead of
 * opening one per call. Only idle connections are bounded (`idleSockets`); calls in flight are
 * not, since a cap there queues requests inside the gateway, where no timeout or metric sees them.
 */
export function upstreamAgent(target: string, idleSockets: number): HttpAgent {
  const options = { keepAlive: true, maxFreeSockets: idleSockets, scheduling: 'lifo' as const };
  return new URL(target).protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
}
