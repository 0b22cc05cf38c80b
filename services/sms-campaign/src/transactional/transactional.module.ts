import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';

/** Transactional messages on events: sign-up codes, welcome, points, redemptions. Placeholder until it is built. */
@Module({})
export class TransactionalModule {
  static register(_config: SmsCampaignConfig): DynamicModule {
    return { module: TransactionalModule };
  }
}
