import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import type { MerchantDiscountConfig } from './config/env.schema';

/** The merchant-discount service: boots with health, metrics and messaging; its features arrive with their issues. */
@Module({})
export class AppModule {
  static register(config: MerchantDiscountConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'merchant-discount', config, logger, metrics })] };
  }
}
