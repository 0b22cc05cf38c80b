import 'reflect-metadata';
import { startService } from '@atrium/service-kit';
import { AppModule } from './app.module';
import { merchantDiscountEnvSchema } from './config/env.schema';

void startService({
  serviceName: 'merchant-discount',
  envSchema: merchantDiscountEnvSchema,
  appModule: (config, logger, metrics) => AppModule.register(config, logger, metrics),
  consumesEvents: false,
  openApi: { title: 'Atrium merchant-discount service', description: 'The tenant directory (商戶名錄) and discount agreements with tenants (會員優惠服務協議); the member booklet (會員惠集) to follow' },
});
