import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, RateLimitedError, UnauthenticatedError } from '@atrium/errors';
import type { Logger } from '@atrium/observability';
import { PROBLEM_CONTENT_TYPE, problemTypeOf, type ProblemDetails } from './problem-details';
import { statusOfKind } from './status-of-kind';

/** Answers every HTTP error as application/problem+json; unexpected errors are logged, not shown. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...this.toProblem(exception), instance: request.originalUrl };
    if (problem.status >= 500) this.logger.error({ err: exception, path: request.originalUrl }, 'request failed');
    if (exception instanceof RateLimitedError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (exception instanceof UnauthenticatedError) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = statusOfKind(exception.kind);
      return {
        ...exception.details,
        type: problemTypeOf(exception.code),
        title: titleOf(status),
        status,
        detail: exception.message,
        code: exception.code,
        ...(exception.fields.length > 0 ? { errors: exception.fields } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = `http.${status}`;
      return { type: problemTypeOf(code), title: titleOf(status), status, detail: exception.message, code };
    }
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { type: problemTypeOf('internal'), title: titleOf(status), status, detail: 'An unexpected error occurred.', code: 'internal' };
  }
}

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
  };
  return titles[status] ?? 'Error';
}
