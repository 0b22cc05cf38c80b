import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@atrium/observability';

/** A kafkajs client whose own log lines go to the service's JSON logger. */
export function createKafka(clientId: string, brokers: readonly string[], logger: Logger): Kafka {
  const log = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator: () => (entry: LogEntry) => {
      const { message, ...fields } = entry.log;
      const line = { namespace: entry.namespace, ...fields };
      switch (entry.level) {
        case logLevel.ERROR:
          log.error(line, message);
          break;
        case logLevel.WARN:
          log.warn(line, message);
          break;
        case logLevel.INFO:
          log.info(line, message);
          break;
        case logLevel.DEBUG:
        case logLevel.NOTHING:
          log.debug(line, message);
          break;
      }
    },
  });
}
