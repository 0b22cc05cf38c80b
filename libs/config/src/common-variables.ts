import { z } from 'zod';

const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** Comma-separated `host:port` list of Kafka bootstrap brokers. */
export const kafkaBrokersVariable = z
  .string()
  .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
  .refine((brokers) => brokers.length > 0 && brokers.every((broker) => hostPort.test(broker)), {
    message: 'must be a comma-separated list of host:port',
  });

/** MongoDB connection string of the server; each service picks its own database on it. */
export const mongoUrlVariable = z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// URL');

/** Redis URL for BullMQ and shared counters. */
export const redisUrlVariable = z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// URL');

export function portVariable(defaultPort: number) {
  return z.coerce.number().int().min(1).max(65535).default(defaultPort);
}

export const logLevelVariable = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info');

/** IANA time zone of the centre, for day boundaries and quiet hours. */
export const timeZoneVariable = z
  .string()
  .default('Asia/Shanghai')
  .refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The variables every Atrium service reads. A service's own `env.schema.ts` extends this
 * with its own variables.
 */
export function serviceVariables(defaultHttpPort: number) {
  return z.object({
    /** HTTP port of the service's API, health and metrics. */
    HTTP_PORT: portVariable(defaultHttpPort),
    /** Address to listen on: loopback by default; 0.0.0.0 inside a container. */
    HTTP_HOST: z.string().default('127.0.0.1'),
    KAFKA_BROKERS: kafkaBrokersVariable,
    MONGO_URL: mongoUrlVariable,
    REDIS_URL: redisUrlVariable,
    /** The service's database on MONGO_URL; `atrium_<service>` when unset (tests use their own). */
    MONGO_DATABASE: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be 1 to 63 letters, digits, "_" or "-"').optional(),
    /** The Kafka consumer group; the service's name when unset (tests use their own). */
    KAFKA_CONSUMER_GROUP: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be letters, digits, ".", "_" or "-"').optional(),
    LOG_LEVEL: logLevelVariable,
    TZ_CENTRE: timeZoneVariable,
    /**
     * Key the gateway signs its identity headers with and every service verifies them with
     * (x-atrium-identity); at least 32 characters, the same on the gateway and every service.
     */
    ATRIUM_IDENTITY_SECRET: z.string().min(32, 'must be at least 32 characters'),
  });
}

export type ServiceVariables = z.infer<ReturnType<typeof serviceVariables>>;
