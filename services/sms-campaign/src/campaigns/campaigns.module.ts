import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MongooseModule } from '@nestjs/mongoose';
import { databaseNameOf } from '@atrium/service-kit';
import type { SmsCampaignConfig } from '../config/env.schema';
import { DeliveryModule } from '../delivery/delivery.module';
import { MemberProjectionModule } from '../members/member-projection.module';
import { SegmentsModule } from '../segments/segments.module';
import { TemplatesModule } from '../templates/templates.module';
import { CAMPAIGN_MODEL, campaignSchema } from './campaign.schema';
import { CampaignLifecycleJob } from './campaign-lifecycle.job';
import { CAMPAIGN_QUEUE, campaignQueueNameOf, CampaignQueue } from './campaign-queue';
import { CampaignReports } from './campaign-reports.service';
import { CampaignSending, DEFAULT_FREEZE_CHUNK, SENDING_SETTINGS, type SendingSettings } from './campaign-sending.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

export interface CampaignsModuleOptions {
  /**
   * The module that provides CampaignDelivery: DeliveryModule (Twilio) unless given; tests of
   * the campaign side give one of their own.
   */
  readonly delivery?: DynamicModule;
  /** Members per dispatch when freezing a recipient list (DEFAULT_FREEZE_CHUNK unless given). */
  readonly freezeChunk?: number;
}

/** Campaigns: lifecycle and approval, scheduling, frozen recipient lists, estimates and results. */
@Module({})
export class CampaignsModule {
  /** One module per configuration (Nest tells dynamic modules apart by object). */
  private static readonly registered = new WeakMap<object, DynamicModule>();

  static register(config: SmsCampaignConfig, options: CampaignsModuleOptions = {}): DynamicModule {
    const custom = options.delivery !== undefined || options.freezeChunk !== undefined;
    const existing = custom ? undefined : CampaignsModule.registered.get(config);
    if (existing) return existing;
    const queueName = campaignQueueNameOf(config.MONGO_DATABASE ?? databaseNameOf('sms-campaign'));
    const module: DynamicModule = {
      module: CampaignsModule,
      imports: [
        MemberProjectionModule.register(config),
        SegmentsModule.register(config),
        TemplatesModule.register(config),
        options.delivery ?? DeliveryModule.register(config),
        MongooseModule.forFeature([{ name: CAMPAIGN_MODEL, schema: campaignSchema }]),
        BullModule.registerQueue({ name: queueName }),
      ],
      controllers: [CampaignsController],
      providers: [
        { provide: CAMPAIGN_QUEUE, useExisting: getQueueToken(queueName) },
        { provide: SENDING_SETTINGS, useValue: { freezeChunk: options.freezeChunk ?? DEFAULT_FREEZE_CHUNK } satisfies SendingSettings },
        CampaignsRepository,
        CampaignQueue,
        CampaignSending,
        CampaignReports,
        CampaignsService,
        CampaignLifecycleJob,
      ],
    };
    if (!custom) CampaignsModule.registered.set(config, module);
    return module;
  }
}
