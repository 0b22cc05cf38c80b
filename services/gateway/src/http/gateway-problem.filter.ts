import { Catch, Inject, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsFilter, problemTypeOf, type ProblemDetails } from '@atrium/http-problem';
import { LOGGER, type Logger } from '@atrium/observability';
import { isEdgeError, statusOfEdgeFailure } from './edge-failure';

const EDGE_TITLES: Readonly<Record<number, string>> = { 401: 'Unauthorized', 429: 'Too Many Requests', 502: 'Bad Gateway' };

/**
 * Every gateway error as application/problem+json: the lib's filter for domain errors it
 * knows, plus 401, 429 (with Retry-After) and 502 for the edge failures it has no kind for.
 * Also used outside Nest's pipeline (proxy errors, unparsable bodies) through `respond`.
 */
@Catch()
@Injectable()
export class GatewayProblemFilter implements ExceptionFilter {
  private readonly common: ProblemDetailsFilter;

  constructor(@Inject(LOGGER) private readonly logger: Logger) {
    this.common = new ProblemDetailsFilter(logger);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (!isEdgeError(exception)) {
      this.common.catch(exception, host);
      return;
    }
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const status = statusOfEdgeFailure(exception.edgeFailure);
    const problem: ProblemDetails = {
      ...exception.details,
      type: problemTypeOf(exception.code),
      title: EDGE_TITLES[status] ?? 'Error',
      status,
      detail: exception.message,
      code: exception.code,
      instance: request.originalUrl,
    };
    if (status >= 500) this.logger.warn({ err: exception, path: request.originalUrl }, 'upstream failed');
    if (exception.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  /** Answers a failure raised outside a Nest handler, unless an answer has begun already. */
  respond(exception: unknown, request: Request, response: Response): void {
    if (response.headersSent) {
      // Part of the upstream's answer is out: the client must see a broken response, not a spliced one.
      response.destroy();
      return;
    }
    this.catch(exception, httpHostOf(request, response));
  }
}

function httpHostOf(request: Request, response: Response): ArgumentsHost {
  const args = [request, response];
  const http = { getRequest: () => request, getResponse: () => response, getNext: () => undefined };
  return {
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    switchToHttp: () => http,
    switchToRpc: () => {
      throw new Error('not an RPC context');
    },
    switchToWs: () => {
      throw new Error('not a WebSocket context');
    },
    getType: () => 'http',
  } as unknown as ArgumentsHost;
}
