import 'reflect-metadata';
import { loadConfigOrExit } from '@atrium/config';
import { createLogger, Metrics } from '@atrium/observability';
import { SERVICE_NAME } from './app.module';
import { gatewayEnvSchema } from './config/env.schema';
import { createGatewayApp } from './gateway-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE_NAME, gatewayEnvSchema);
  const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
  const metrics = new Metrics(SERVICE_NAME);
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
  try {
    const app = await createGatewayApp(config, logger, metrics);
    app.enableShutdownHooks();
    await app.listen(config.GATEWAY_PORT, config.HTTP_HOST);
    logger.info({ url: `http://${config.HTTP_HOST}:${config.GATEWAY_PORT}` }, `${SERVICE_NAME} is listening`);
  } catch (error) {
    // A supervisor must see a gateway that cannot start (database, Kafka or Redis away).
    logger.fatal({ err: error }, `${SERVICE_NAME} failed to start`);
    process.exit(1);
  }
}

void main();
