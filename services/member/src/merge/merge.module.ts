import { Module, type DynamicModule } from '@nestjs/common';
import type { MemberConfig } from '../config/env.schema';
import { MemberStoreModule } from '../members/member-store.module';
import { TiersModule } from '../tiers/tiers.module';
import { MergeController } from './merge.controller';
import { MergeService } from './merge.service';

/** Merging two records of one person. */
@Module({})
export class MergeModule {
  static register(config: MemberConfig): DynamicModule {
    return { module: MergeModule, imports: [MemberStoreModule, TiersModule.register(config)], controllers: [MergeController], providers: [MergeService] };
  }
}
