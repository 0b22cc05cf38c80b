import 'reflect-metadata';
import { startService } from '@atrium/service-kit';
import { AppModule } from './app.module';
import { pointsEnvSchema } from './config/env.schema';

void startService({
  serviceName: 'points',
  envSchema: pointsEnvSchema,
  appModule: (config, logger, metrics) => AppModule.register(config, logger, metrics),
  consumesEvents: true,
  openApi: { title: 'Atrium points service', description: 'Points accounts, ledger, earning and redemption (積分)' },
});
