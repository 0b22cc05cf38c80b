import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import type { OutreachConfig } from './config/env.schema';

/** The outreach service: boots with health, metrics and messaging; its features arrive with their issues. */
@Module({})
export class AppModule {
  static register(config: OutreachConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'outreach', config, logger, metrics })] };
  }
}
