import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import type { MerchantDiscountConfig } from './config/env.schema';
import { AgreementsModule } from './agreements/agreements.module';
import { TenantsModule } from './tenants/tenants.module';

/** The merchant-discount service: the tenant directory and discount agreements (the booklet follows). */
@Module({})
export class AppModule {
  static register(config: MerchantDiscountConfig, logger: Logger, metrics: Metrics): DynamicModule {
    const tenants = TenantsModule.register(config);
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'merchant-discount', config, logger, metrics }), tenants, AgreementsModule.register(config, tenants)] };
  }
}
