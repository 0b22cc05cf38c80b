import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { SmsCampaignConfig } from '../config/env.schema';
import { MemberProjectionModule } from '../members/member-projection.module';
import { SEGMENT_MODEL, segmentSchema } from './segment.schema';
import { SegmentsController } from './segments.controller';
import { SegmentsRepository } from './segments.repository';
import { SEGMENT_SETTINGS, SegmentsService, type SegmentSettings } from './segments.service';

/** Saved segments, live counts and samples on the member projection. Exports SegmentsService for campaigns. */
@Module({})
export class SegmentsModule {
  /** One module per configuration (Nest tells dynamic modules apart by object). */
  private static readonly registered = new WeakMap<object, DynamicModule>();

  static register(config: SmsCampaignConfig): DynamicModule {
    const existing = SegmentsModule.registered.get(config);
    if (existing) return existing;
    const settings: SegmentSettings = { timeZone: config.TZ_CENTRE };
    const module: DynamicModule = {
      module: SegmentsModule,
      imports: [MemberProjectionModule.register(config), MongooseModule.forFeature([{ name: SEGMENT_MODEL, schema: segmentSchema }])],
      controllers: [SegmentsController],
      providers: [{ provide: SEGMENT_SETTINGS, useValue: settings }, SegmentsRepository, SegmentsService],
      exports: [SegmentsService],
    };
    SegmentsModule.registered.set(config, module);
    return module;
  }
}
