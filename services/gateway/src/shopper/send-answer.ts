import type { Response } from 'express';
import type { UpstreamAnswer } from './upstream-call';

/** Passes a service's answer to the shopper unchanged: status, content type (problem+json too), Retry-After and body. */
export function sendAnswer(response: Response, answer: UpstreamAnswer): void {
  if (answer.retryAfter !== undefined) response.setHeader('retry-after', answer.retryAfter);
  response.status(answer.status).type(answer.contentType).send(answer.body);
}
