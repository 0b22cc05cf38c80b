import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { SmsCampaignConfig } from '../config/env.schema';
import { DeliveryModule } from '../delivery/delivery.module';
import { MemberProjectionModule } from '../members/member-projection.module';
import { INBOUND_MESSAGE_MODEL, inboundMessageSchema } from './inbound-message.schema';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { InboundMessagesService } from './inbound-messages.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { TwilioWebhooksController } from './twilio-webhooks.controller';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

/** Twilio's status callbacks and inbound messages (STOP, 退訂, START, HELP), signature-checked. */
@Module({})
export class WebhooksModule {
  static register(config: SmsCampaignConfig): DynamicModule {
    const settings: WebhookSettings = {
      authToken: config.TWILIO_AUTH_TOKEN,
      publicBaseUrl: config.TWILIO_WEBHOOK_BASE_URL,
      signature: config.SMS_CENTRE_SIGNATURE,
    };
    return {
      module: WebhooksModule,
      imports: [DeliveryModule.register(config), MemberProjectionModule.register(config), MongooseModule.forFeature([{ name: INBOUND_MESSAGE_MODEL, schema: inboundMessageSchema }])],
      controllers: [TwilioWebhooksController],
      providers: [{ provide: WEBHOOK_SETTINGS, useValue: settings }, TwilioSignatureGuard, InboundMessagesRepository, InboundMessagesService],
    };
  }
}
