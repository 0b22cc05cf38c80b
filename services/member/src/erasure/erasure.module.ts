import { Module, type DynamicModule } from '@nestjs/common';
import type { MemberConfig } from '../config/env.schema';
import { MemberStoreModule } from '../members/member-store.module';
import { TiersModule } from '../tiers/tiers.module';
import { ErasureController } from './erasure.controller';
import { ErasureService } from './erasure.service';

/** Erasure on request. */
@Module({})
export class ErasureModule {
  static register(config: MemberConfig): DynamicModule {
    return { module: ErasureModule, imports: [MemberStoreModule, TiersModule.register(config)], controllers: [ErasureController], providers: [ErasureService] };
  }
}
