import pino, { type DestinationStream, type Logger } from 'pino';
import { maskContacts, maskPersonalData } from './mask-personal-data';

export type { Logger } from 'pino';

/**
 * A JSON logger whose every line passes through the personal-data mask, whatever the caller
 * put in it: structured fields, the message text and error messages alike.
 */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  return pino(
    {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    // Errors are already turned into { type, message, stack } (masked) by the log formatter.
    serializers: { err: (error: unknown) => error },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => maskPersonalData(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === 'string' ? maskContacts(arg) : arg)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
  },
    destination ?? pino.destination(1),
  );
}
