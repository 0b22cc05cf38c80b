import 'reflect-metadata';
import { loadConfigOrExit } from '@atrium/config';
import { createLogger, Metrics } from '@atrium/observability';
import { runService } from '@atrium/service-kit';
import { AppModule } from './app.module';
import { memberEnvSchema } from './config/env.schema';

const SERVICE = 'member';

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE, memberEnvSchema);
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  const metrics = new Metrics(SERVICE);
  await runService({
    serviceName: SERVICE,
    module: AppModule.register(config, logger, metrics),
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger,
    metrics,
    consumesEvents: false,
    openApi: { title: 'Atrium member service', description: 'Members, cards, tiers, consent, complaints (會員管理)' },
  });
}

void main();
