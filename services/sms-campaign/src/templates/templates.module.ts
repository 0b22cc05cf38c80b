import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';

/** SMS templates: validation, preview, counts and cost. Placeholder until it is built. */
@Module({})
export class TemplatesModule {
  static register(_config: SmsCampaignConfig): DynamicModule {
    return { module: TemplatesModule };
  }
}
