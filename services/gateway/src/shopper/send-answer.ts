import type { Response } from 'express';
import type { UpstreamAnswer } from './upstream-call';

/** Passes a service's answer to the shopper unchanged: status, content type (problem+json too) and body. */
export function sendAnswer(response: Response, answer: UpstreamAnswer): void {
  response.status(answer.status).type(answer.contentType).send(answer.body);
}
