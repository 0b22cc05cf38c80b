import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CONTROL_PREFIX, type ControlApi } from './control-api';
import { BodyTooLargeError, sendJson } from './http-io';
import type { TwilioMessagesApi } from './twilio-messages-api';

/**
 * The HTTP server: /_local/... (and /) go to the control API, everything else to the Twilio
 * API, which answers Twilio's 404 for paths it does not serve.
 */
export function createEndpointServer(twilioApi: TwilioMessagesApi, controlApi: ControlApi, log: (line: string) => void): Server {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const control = url.pathname === '/' || url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
    const handled = control ? controlApi.handle(req, res, url) : twilioApi.handle(req, res, url);
    handled.catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) log(`${req.method ?? '?'} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (res.headersSent || req.socket.destroyed) return;
      const status = tooLarge ? 413 : 500;
      const message = tooLarge ? 'Request body too large' : 'Internal Server Error';
      sendJson(res, status, control ? { error: message } : { code: tooLarge ? 400 : 20500, message, more_info: 'https://www.twilio.com/docs/errors/20500', status });
    });
  });
  // Longer than the SDK's keep-alive idle time, so a pooled connection is not closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
