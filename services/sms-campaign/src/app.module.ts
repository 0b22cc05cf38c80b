import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { CampaignsModule } from './campaigns/campaigns.module';
import type { SmsCampaignConfig } from './config/env.schema';
import { DeliveryModule } from './delivery/delivery.module';
import { MemberProjectionModule } from './members/member-projection.module';
import { SegmentsModule } from './segments/segments.module';
import { TemplatesModule } from './templates/templates.module';
import { TransactionalModule } from './transactional/transactional.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The SMS campaign service (會員短信平臺): a member projection from events, segments, templates
 * and campaigns on one side; delivery through Twilio, webhooks and transactional messages on
 * the other, behind the CampaignDelivery boundary.
 */
@Module({})
export class AppModule {
  static register(config: SmsCampaignConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'sms-campaign', config, logger, metrics }),
        // BullMQ needs maxRetriesPerRequest null on its connections (blocking commands wait forever).
        BullModule.forRoot({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null }, prefix: 'atrium-sms' }),
        MemberProjectionModule.register(config),
        SegmentsModule.register(config),
        TemplatesModule.register(config),
        DeliveryModule.register(config),
        CampaignsModule.register(config),
        WebhooksModule.register(config),
        TransactionalModule.register(config),
      ],
    };
  }
}
