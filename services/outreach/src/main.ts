import 'reflect-metadata';
import { startService } from '@atrium/service-kit';
import { AppModule } from './app.module';
import { outreachEnvSchema } from './config/env.schema';

void startService({
  serviceName: 'outreach',
  envSchema: outreachEnvSchema,
  appModule: (config, logger, metrics) => AppModule.register(config, logger, metrics),
  consumesEvents: false,
  openApi: { title: 'Atrium outreach service', description: 'Companies and office buildings nearby, corporate programmes (企業拓展)' },
});
