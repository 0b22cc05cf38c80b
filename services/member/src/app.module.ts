import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { ComplaintsModule } from './complaints/complaints.module';
import type { MemberConfig } from './config/env.schema';
import { MembersModule } from './members/members.module';

@Module({})
export class AppModule {
  static register(config: MemberConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'member', config, logger, metrics }),
        MembersModule.register(config),
        ComplaintsModule,
      ],
    };
  }
}
