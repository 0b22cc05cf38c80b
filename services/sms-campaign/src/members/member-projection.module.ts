import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';

/** The campaign service's own view of members, kept from member and points events. Placeholder until it is built. */
@Module({})
export class MemberProjectionModule {
  static register(_config: SmsCampaignConfig): DynamicModule {
    return { module: MemberProjectionModule };
  }
}
