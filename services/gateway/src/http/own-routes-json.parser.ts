import { HttpException } from '@nestjs/common';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { InvalidInputError } from '@atrium/errors';
import { parseForwardedUrl } from '../forwarding/forwarded-url';
import { isUpstreamService } from '../forwarding/upstream-services';

/** The largest JSON body the gateway's own routes accept (sign-in and staff forms are tiny). */
const OWN_BODY_LIMIT = '100kb';

/**
 * Parses JSON bodies for the gateway's own routes only. Bodies of forwarded routes are left
 * unread, so the proxy streams them to the service byte for byte (and a service's own body
 * limit, not the gateway's, applies). Unparsable bodies are answered through `onError`.
 */
export function ownRoutesJsonParser(onError: (error: unknown, request: Request, response: Response) => void): RequestHandler {
  const parse = json({ limit: OWN_BODY_LIMIT });
  return (request: Request, response: Response, next: NextFunction) => {
    const forwarded = parseForwardedUrl(request.originalUrl);
    if (forwarded && isUpstreamService(forwarded.service)) {
      next();
      return;
    }
    parse(request, response, (error?: unknown) => {
      if (error === undefined) next();
      else onError(bodyErrorOf(error), request, response);
    });
  };
}

/** body-parser's errors carry an HTTP status and a type; an unparsable body is the client's invalid input. */
function bodyErrorOf(error: unknown): unknown {
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (type === 'entity.parse.failed') return new InvalidInputError('request.malformed-json', 'The request body is not valid JSON.');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpException(error instanceof Error ? error.message : 'The request body was refused.', status);
  }
  return error;
}
