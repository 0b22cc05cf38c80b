import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';

/** Sending through Twilio from a rate-limited BullMQ queue, at most once per recipient. Placeholder until it is built. */
@Module({})
export class DeliveryModule {
  static register(_config: SmsCampaignConfig): DynamicModule {
    return { module: DeliveryModule };
  }
}
