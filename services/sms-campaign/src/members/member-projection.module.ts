import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MongooseModule } from '@nestjs/mongoose';
import { databaseNameOf } from '@atrium/service-kit';
import type { SmsCampaignConfig } from '../config/env.schema';
import { MemberEventsConsumer } from './member-events.consumer';
import { MEMBER_PROFILE_MODEL, memberProfileSchema } from './member-profile.schema';
import { MemberProfilesRepository, PROJECTION_SETTINGS } from './member-profiles.repository';
import type { ProjectionSettings } from './member-projection';
import { PointsEarnedFollowers } from './points-earned-followers';
import { PointsEventsConsumer } from './points-events.consumer';
import { PROJECTION_QUEUE, projectionQueueNameOf, SpendWindowJob } from './spend-window.job';

/**
 * The campaign service's own view of members, kept from member and points events (it never
 * reads their databases). Exports MemberProfilesRepository: segments, templates, campaigns and
 * delivery read profiles through it; STOP, START and invalid numbers are written through it.
 * Exports PointsEarnedFollowers: transactional messages follow the earnings it consumes.
 */
@Module({})
export class MemberProjectionModule {
  /**
   * One module per configuration: Nest tells dynamic modules apart by object, and several
   * modules import this one; two copies would mean two consumers, workers and repositories.
   */
  private static readonly registered = new WeakMap<object, DynamicModule>();

  static register(config: Pick<SmsCampaignConfig, 'SMS_DEFAULT_LANGUAGE' | 'SMS_LOWEST_TIER' | 'TZ_CENTRE' | 'MONGO_DATABASE'>): DynamicModule {
    const existing = MemberProjectionModule.registered.get(config);
    if (existing) return existing;
    const settings: ProjectionSettings = { defaultLanguage: config.SMS_DEFAULT_LANGUAGE, timeZone: config.TZ_CENTRE, lowestTier: config.SMS_LOWEST_TIER };
    const queueName = projectionQueueNameOf(config.MONGO_DATABASE ?? databaseNameOf('sms-campaign'));
    const module: DynamicModule = {
      module: MemberProjectionModule,
      imports: [MongooseModule.forFeature([{ name: MEMBER_PROFILE_MODEL, schema: memberProfileSchema }]), BullModule.registerQueue({ name: queueName })],
      controllers: [MemberEventsConsumer, PointsEventsConsumer],
      providers: [
        { provide: PROJECTION_SETTINGS, useValue: settings },
        { provide: PROJECTION_QUEUE, useExisting: getQueueToken(queueName) },
        MemberProfilesRepository,
        PointsEarnedFollowers,
        SpendWindowJob,
      ],
      exports: [MemberProfilesRepository, PointsEarnedFollowers],
    };
    MemberProjectionModule.registered.set(config, module);
    return module;
  }
}
