import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { ComplaintsModule } from './complaints/complaints.module';
import type { MemberConfig } from './config/env.schema';
import { ErasureModule } from './erasure/erasure.module';
import { ImportsModule } from './imports/imports.module';
import { MembersModule } from './members/members.module';
import { MergeModule } from './merge/merge.module';
import { TiersModule } from './tiers/tiers.module';

@Module({})
export class AppModule {
  static register(config: MemberConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'member', config, logger, metrics }),
        // BullMQ needs maxRetriesPerRequest null on its connections (blocking commands wait forever).
        BullModule.forRoot({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null }, prefix: 'atrium-member' }),
        MembersModule.register(config),
        TiersModule.register(config),
        MergeModule.register(config),
        ErasureModule.register(config),
        ImportsModule.register(config),
        ComplaintsModule,
      ],
    };
  }
}
