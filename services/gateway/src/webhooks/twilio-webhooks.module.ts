import { Module, type DynamicModule } from '@nestjs/common';
import { UPSTREAM_URLS, type UpstreamUrls } from '../forwarding/upstream-services';
import { TwilioWebhookProxy } from './twilio-webhook.proxy';
import { TwilioWebhooksController } from './twilio-webhooks.controller';

/** Public routes for Twilio's status callbacks and inbound messages, relayed to the SMS campaign service. Import before ForwardingModule. */
@Module({})
export class TwilioWebhooksModule {
  static register(urls: UpstreamUrls): DynamicModule {
    return {
      module: TwilioWebhooksModule,
      controllers: [TwilioWebhooksController],
      providers: [{ provide: UPSTREAM_URLS, useValue: urls }, TwilioWebhookProxy],
    };
  }
}
