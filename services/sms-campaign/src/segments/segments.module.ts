import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';

/** Saved segments, live counts and samples. Placeholder until it is built. */
@Module({})
export class SegmentsModule {
  static register(_config: SmsCampaignConfig): DynamicModule {
    return { module: SegmentsModule };
  }
}
