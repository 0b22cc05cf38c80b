import 'reflect-metadata';
import { startService } from '@atrium/service-kit';
import { AppModule } from './app.module';
import { memberEnvSchema } from './config/env.schema';

void startService({
  serviceName: 'member',
  envSchema: memberEnvSchema,
  appModule: (config, logger, metrics) => AppModule.register(config, logger, metrics),
  // Shoppers' STOP / 退訂 replies from the SMS service (consent).
  consumesEvents: true,
  openApi: { title: 'Atrium member service', description: 'Members, cards, tiers, consent, complaints (會員管理)' },
});
