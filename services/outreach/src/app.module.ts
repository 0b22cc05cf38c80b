import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { CompaniesModule } from './companies/companies.module';
import type { OutreachConfig } from './config/env.schema';
import { CorporateProgrammesModule } from './programmes/corporate-programmes.module';

/** The outreach service: companies near the centre and their corporate member programmes. */
@Module({})
export class AppModule {
  static register(config: OutreachConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKitModule.forRoot({ serviceName: 'outreach', config, logger, metrics }), CompaniesModule.register(config), CorporateProgrammesModule.register(config)],
    };
  }
}
