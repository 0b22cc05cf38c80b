import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';

/** Twilio's status callbacks and inbound messages, signature-checked. Placeholder until it is built. */
@Module({})
export class WebhooksModule {
  static register(_config: SmsCampaignConfig): DynamicModule {
    return { module: WebhooksModule };
  }
}
