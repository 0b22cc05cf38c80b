import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import type { SmsCampaignConfig } from './config/env.schema';

/** The sms-campaign service: boots with health, metrics and messaging; its features arrive with their issues. */
@Module({})
export class AppModule {
  static register(config: SmsCampaignConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'sms-campaign', config, logger, metrics })] };
  }
}
