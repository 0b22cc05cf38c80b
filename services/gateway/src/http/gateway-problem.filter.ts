import { Catch, Inject, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from '@atrium/http-problem';
import { LOGGER, type Logger } from '@atrium/observability';

/**
 * Every gateway error as application/problem+json, through the lib's filter (401 with
 * WWW-Authenticate, 429 with Retry-After, 502 naming the service). Also used outside Nest's
 * pipeline (proxy errors, unparsable bodies) through `respond`.
 */
@Catch()
@Injectable()
export class GatewayProblemFilter implements ExceptionFilter {
  private readonly common: ProblemDetailsFilter;

  constructor(@Inject(LOGGER) logger: Logger) {
    this.common = new ProblemDetailsFilter(logger);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    this.common.catch(exception, host);
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
