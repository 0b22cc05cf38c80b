import type { Response } from 'express';
import { UpstreamUnavailableError } from '../forwarding/forwarding.errors';
import type { UpstreamService } from '../forwarding/upstream-services';
import type { UpstreamAnswer } from './upstream-call';

/** Passes a service's answer to the shopper unchanged: status, content type (problem+json too), Retry-After and body. */
export function sendAnswer(response: Response, answer: UpstreamAnswer): void {
  if (answer.retryAfter !== undefined) response.setHeader('retry-after', answer.retryAfter);
  response.status(answer.status).type(answer.contentType).send(answer.body);
}

/** Builds a shopper-facing object (an allow-list of fields) from one object of a service's answer. */
export type ShopperView = (upstream: unknown) => unknown;

/**
 * Passes a service's answer to the shopper with a success body rebuilt by `view` (each item of
 * a list), so only the fields a shopper may see leave the gateway. Problems pass unchanged:
 * they name the shopper's own fields and carry no records.
 */
export function sendShopperView(response: Response, answer: UpstreamAnswer, service: UpstreamService, view: ShopperView): void {
  if (answer.status < 200 || answer.status >= 300) return sendAnswer(response, answer);
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    throw new UpstreamUnavailableError(service, 'answer not JSON');
  }
  if (answer.retryAfter !== undefined) response.setHeader('retry-after', answer.retryAfter);
  response.status(answer.status).json(Array.isArray(body) ? body.map(view) : view(body));
}
