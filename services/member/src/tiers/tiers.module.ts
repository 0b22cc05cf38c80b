import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MongooseModule } from '@nestjs/mongoose';
import type { MemberConfig } from '../config/env.schema';
import { JobSettings } from '../jobs/job-settings';
import { MemberStoreModule } from '../members/member-store.module';
import { QualifyingSpendConsumer } from './qualifying-spend.consumer';
import { QualifyingSpendRepository } from './qualifying-spend.repository';
import { QualifyingSpendService } from './qualifying-spend.service';
import { SPEND_BUCKET_MODEL, spendBucketSchema } from './spend-bucket.schema';
import { TIER_REVIEW_RUN_MODEL, tierReviewRunSchema } from './tier-review-run.schema';
import { TierReviewRunsRepository } from './tier-review-runs.repository';
import { TierReviewJob } from './tier-review.job';
import { TIER_REVIEW_JOB_OPTIONS, TIER_REVIEW_QUEUE } from './tier-review.queue';
import { TierReviewService } from './tier-review.service';
import { TierReviewsController } from './tier-reviews.controller';
import { TierSettings } from './tier-settings';
import { TiersController } from './tiers.controller';
import { TiersService } from './tiers.service';

/**
 * Tiers: qualifying spend from the points service's events, upgrades as soon as a tier is
 * reached, staff changes, and the yearly review as a BullMQ job. Exports TiersService and the
 * spend store for imports, merges and erasure.
 */
@Module({})
export class TiersModule {
  /** One module per configuration: imports, merges and erasure import it too, and two copies would mean two workers. */
  private static readonly registered = new WeakMap<MemberConfig, DynamicModule>();

  static register(config: MemberConfig): DynamicModule {
    const existing = TiersModule.registered.get(config);
    if (existing) return existing;
    const jobs = JobSettings.of(config);
    const queueName = jobs.queueName('tier-review');
    const module: DynamicModule = {
      module: TiersModule,
      imports: [
        MemberStoreModule,
        MongooseModule.forFeature([
          { name: SPEND_BUCKET_MODEL, schema: spendBucketSchema },
          { name: TIER_REVIEW_RUN_MODEL, schema: tierReviewRunSchema },
        ]),
        BullModule.registerQueue({ name: queueName, defaultJobOptions: TIER_REVIEW_JOB_OPTIONS }),
      ],
      controllers: [TiersController, TierReviewsController, QualifyingSpendConsumer],
      providers: [
        { provide: TierSettings, useValue: TierSettings.of(config) },
        { provide: JobSettings, useValue: jobs },
        { provide: TIER_REVIEW_QUEUE, useExisting: getQueueToken(queueName) },
        QualifyingSpendRepository,
        QualifyingSpendService,
        TiersService,
        TierReviewRunsRepository,
        TierReviewService,
        TierReviewJob,
      ],
      exports: [TiersService, TierSettings, QualifyingSpendRepository],
    };
    TiersModule.registered.set(config, module);
    return module;
  }
}
