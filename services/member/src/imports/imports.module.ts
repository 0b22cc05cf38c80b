import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MongooseModule } from '@nestjs/mongoose';
import type { MemberConfig } from '../config/env.schema';
import { JobSettings } from '../jobs/job-settings';
import { MembersModule } from '../members/members.module';
import { TiersModule } from '../tiers/tiers.module';
import { ImportJob } from './import.job';
import { IMPORT_JOB_OPTIONS, IMPORT_QUEUE } from './import.queue';
import { ImportSettings } from './import-settings';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { IMPORT_ROW_MODEL, importRowSchema, MEMBER_IMPORT_MODEL, memberImportSchema } from './member-import.schema';

/** Imports of members from an earlier system's CSV, as BullMQ jobs with progress. */
@Module({})
export class ImportsModule {
  static register(config: MemberConfig): DynamicModule {
    const jobs = JobSettings.of(config);
    const queueName = jobs.queueName('import');
    return {
      module: ImportsModule,
      imports: [
        MembersModule.register(config),
        TiersModule.register(config),
        MongooseModule.forFeature([
          { name: MEMBER_IMPORT_MODEL, schema: memberImportSchema },
          { name: IMPORT_ROW_MODEL, schema: importRowSchema },
        ]),
        BullModule.registerQueue({ name: queueName, defaultJobOptions: IMPORT_JOB_OPTIONS }),
      ],
      controllers: [ImportsController],
      providers: [
        { provide: ImportSettings, useValue: ImportSettings.of(config) },
        { provide: JobSettings, useValue: jobs },
        { provide: IMPORT_QUEUE, useExisting: getQueueToken(queueName) },
        ImportsRepository,
        ImportsService,
        ImportJob,
      ],
    };
  }
}
