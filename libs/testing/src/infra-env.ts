/** Where the real servers are: Kafka brokers, the MongoDB-compatible server (FerretDB locally) and Redis. */
export interface InfraEnv {
  kafkaBrokers: string[];
  mongoUrl: string;
  redisUrl: string;
}

/**
 * Reads the servers' addresses from process.env, where the jest global setup
 * (libs/testing/src/global-setup.ts, which runs `scripts/infra up`) or the caller put them.
 * Throws naming the missing variables rather than letting a client fail later with a
 * connection error to a default address.
 */
export function infraEnv(): InfraEnv {
  const read = (name: 'KAFKA_BROKERS' | 'MONGO_URL' | 'REDIS_URL'): string | undefined => {
    const value = process.env[name]?.trim();
    return value ? value : undefined;
  };
  const kafka = read('KAFKA_BROKERS');
  const mongoUrl = read('MONGO_URL');
  const redisUrl = read('REDIS_URL');
  const missing = [
    kafka === undefined ? 'KAFKA_BROKERS' : undefined,
    mongoUrl === undefined ? 'MONGO_URL' : undefined,
    redisUrl === undefined ? 'REDIS_URL' : undefined,
  ].filter((name): name is string => name !== undefined);
  if (kafka === undefined || mongoUrl === undefined || redisUrl === undefined) {
    throw new Error(
      `${missing.join(', ')} not set: run the tests through jest's integration project (its global setup runs ` +
        '`scripts/infra up` and loads .infra/env), or `eval "$(scripts/infra env)"` first, or point them at external servers',
    );
  }
  const kafkaBrokers = kafka
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (kafkaBrokers.length === 0) {
    throw new Error(`KAFKA_BROKERS names no broker: '${kafka}'`);
  }
  return { kafkaBrokers, mongoUrl, redisUrl };
}
