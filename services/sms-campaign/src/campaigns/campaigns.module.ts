import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';

/** Campaigns: lifecycle, approval, scheduling, frozen recipient lists, results. Placeholder until it is built. */
@Module({})
export class CampaignsModule {
  static register(_config: SmsCampaignConfig): DynamicModule {
    return { module: CampaignsModule };
  }
}
