import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const TRACE_HEADER = 'x-trace-id';

// Accept a caller's id only if it is a plain token, so it is safe in headers and log lines.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's trace id when it is acceptable, otherwise a new one. */
export function traceIdFor(incoming: string | string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate !== undefined && ACCEPTABLE.test(candidate) ? candidate : randomUUID();
}

/**
 * Gives every request a trace id (x-trace-id), kept on the request for the services behind the
 * gateway and echoed in the answer, so one id follows a call from the console to the logs.
 */
export function traceIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const traceId = traceIdFor(request.headers[TRACE_HEADER]);
  request.headers[TRACE_HEADER] = traceId;
  response.setHeader(TRACE_HEADER, traceId);
  next();
}
