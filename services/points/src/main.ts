import 'reflect-metadata';
import { loadConfigOrExit } from '@atrium/config';
import { createLogger, Metrics } from '@atrium/observability';
import { runService } from '@atrium/service-kit';
import { AppModule } from './app.module';
import { pointsEnvSchema } from './config/env.schema';

const SERVICE = 'points';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, pointsEnvSchema);
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  const metrics = new Metrics(SERVICE);
  await runService({
    serviceName: SERVICE,
    module: AppModule.register(config, logger, metrics),
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger,
    metrics,
    consumesEvents: true,
    openApi: { title: 'Atrium points service', description: 'Points accounts, ledger, earning and redemption (積分)' },
  });
}

void main();
