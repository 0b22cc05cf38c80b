import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { AccountsModule } from './accounts/accounts.module';
import type { PointsConfig } from './config/env.schema';

@Module({})
export class AppModule {
  static register(config: PointsConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ serviceName: 'points', config, logger, metrics }), AccountsModule],
    };
  }
}
