import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MongooseModule } from '@nestjs/mongoose';
import type { SmsCampaignConfig } from '../config/env.schema';
import { MemberProjectionModule } from '../members/member-projection.module';
import { TwilioModule } from '../twilio/twilio.module';
import { CampaignDelivery } from './campaign-delivery';
import { CARRIER_BLOCK_MODEL, carrierBlockSchema } from './carrier-block.schema';
import { CarrierBlocksRepository } from './carrier-blocks.repository';
import { CampaignCountersRepository } from './campaign-counters.repository';
import { CampaignDeliveryService } from './campaign-delivery.service';
import { CAMPAIGN_CONTROL_MODEL, campaignControlSchema } from './campaign-control.schema';
import { CampaignControlsRepository } from './campaign-controls.repository';
import { DELIVERY_SETTINGS, deliverySettingsOf } from './delivery-settings';
import { MarketingSendsRepository } from './marketing-sends.repository';
import { MessageSender } from './message-sender.service';
import { MessageStatusService } from './message-status.service';
import { OptOutAttribution } from './opt-out-attribution.service';
import { RECIPIENT_MODEL, recipientSchema } from './recipient.schema';
import { RecipientProgressWriter } from './recipient-progress-writer';
import { RecipientsRepository } from './recipients.repository';
import { SendMessageJob } from './send-message.job';
import { STATUS_CHECK_QUEUE, StatusCheckJob, statusCheckQueueNameOf } from './status-check.job';
import { SEND_JOB_OPTIONS, SEND_QUEUE, SendQueue, sendQueueNameOf } from './send-queue';
import { STATUS_UPDATE_MODEL, statusUpdateSchema } from './status-update.schema';
import { StatusUpdatesRepository } from './status-updates.repository';
import { TransactionalDelivery } from './transactional-delivery.service';

/**
 * Sending through Twilio from a rate-limited BullMQ queue, at most once per recipient, and
 * each message's status. Exports CampaignDelivery (the campaigns' boundary) and what webhooks
 * and transactional messages use.
 */
@Module({})
export class DeliveryModule {
  /**
   * One module per configuration: Nest tells dynamic modules apart by object, and several
   * modules import this one (campaigns, webhooks, transactional); two copies would mean two
   * workers and two sets of providers.
   */
  private static readonly registered = new WeakMap<SmsCampaignConfig, DynamicModule>();

  static register(config: SmsCampaignConfig): DynamicModule {
    const existing = DeliveryModule.registered.get(config);
    if (existing) return existing;
    const settings = deliverySettingsOf(config);
    const queueName = sendQueueNameOf(settings.namespace);
    const statusCheckQueueName = statusCheckQueueNameOf(settings.namespace);
    const module: DynamicModule = {
      module: DeliveryModule,
      imports: [
        TwilioModule.register(config),
        MemberProjectionModule.register(config),
        BullModule.registerQueue({ name: queueName, defaultJobOptions: SEND_JOB_OPTIONS }, { name: statusCheckQueueName }),
        MongooseModule.forFeature([
          { name: RECIPIENT_MODEL, schema: recipientSchema },
          { name: STATUS_UPDATE_MODEL, schema: statusUpdateSchema },
          { name: CAMPAIGN_CONTROL_MODEL, schema: campaignControlSchema },
          { name: CARRIER_BLOCK_MODEL, schema: carrierBlockSchema },
        ]),
      ],
      providers: [
        { provide: DELIVERY_SETTINGS, useValue: settings },
        { provide: SEND_QUEUE, useExisting: getQueueToken(queueName) },
        { provide: STATUS_CHECK_QUEUE, useExisting: getQueueToken(statusCheckQueueName) },
        { provide: CampaignDelivery, useClass: CampaignDeliveryService },
        RecipientsRepository,
        CampaignCountersRepository,
        StatusUpdatesRepository,
        RecipientProgressWriter,
        CampaignControlsRepository,
        MarketingSendsRepository,
        SendQueue,
        MessageStatusService,
        MessageSender,
        SendMessageJob,
        StatusCheckJob,
        OptOutAttribution,
        TransactionalDelivery,
        CarrierBlocksRepository,
      ],
      exports: [CampaignDelivery, MessageStatusService, OptOutAttribution, TransactionalDelivery, CarrierBlocksRepository],
    };
    DeliveryModule.registered.set(config, module);
    return module;
  }
}
