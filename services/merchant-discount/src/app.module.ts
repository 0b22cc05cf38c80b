import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import type { MerchantDiscountConfig } from './config/env.schema';
import { TenantsModule } from './tenants/tenants.module';

/** The merchant-discount service: the tenant directory (agreements and the booklet follow). */
@Module({})
export class AppModule {
  static register(config: MerchantDiscountConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'merchant-discount', config, logger, metrics }), TenantsModule.register(config)] };
  }
}
