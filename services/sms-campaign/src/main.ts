import 'reflect-metadata';
import { startService } from '@atrium/service-kit';
import { AppModule } from './app.module';
import { smsCampaignEnvSchema } from './config/env.schema';

void startService({
  serviceName: 'sms-campaign',
  envSchema: smsCampaignEnvSchema,
  appModule: (config, logger, metrics) => AppModule.register(config, logger, metrics),
  consumesEvents: true,
  openApi: { title: 'Atrium SMS campaign service', description: 'Segments, SMS campaigns and transactional messages through Twilio (短信)' },
});
