import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { ExpiryEvents } from '../expiry/expiry-events';
import { EXPIRY_REMINDER_MODEL, expiryReminderSchema } from '../expiry/expiry-reminder.schema';
import { ExpiryRemindersRepository } from '../expiry/expiry-reminders.repository';
import { LedgerModule } from '../ledger/ledger.module';
import { DAILY_RUN_MODEL, dailyRunSchema } from './daily-run.schema';
import { DailyRunsController } from './daily-runs.controller';
import { DailyRunsRepository } from './daily-runs.repository';
import { DailySettlementJob } from './daily-settlement.job';
import { SETTLEMENT_QUEUE } from './daily-settlement.queue';
import { DailySettlementService } from './daily-settlement.service';
import { DueDaysBackfill } from './due-days-backfill';
import { DueDaysBackfillRepository } from './due-days-backfill.repository';
import { DUE_DAYS_BACKFILL_MODEL, dueDaysBackfillSchema } from './due-days-backfill.schema';
import { SettlementEvents } from './settlement-events';
import { SETTLEMENT_SETTINGS, settlementQueueNameOf, type SettlementSettings } from './settlement-settings';
import { PeriodSettlementController } from './periods/period-settlement.controller';
import { PERIOD_SETTLEMENT_QUEUE, PeriodSettlementJob } from './periods/period-settlement.job';
import { PeriodSettlementRepository } from './periods/period-settlement.repository';
import { CLOSED_PERIOD_MODEL, closedPeriodSchema, PERIOD_RUN_MODEL, PERIOD_STATEMENTS_MODEL, periodRunSchema, periodStatementsSchema } from './periods/period-settlement.schema';
import { PeriodSettlementService } from './periods/period-settlement.service';
import { PERIOD_SETTLEMENT_SETTINGS, periodQueueNameOf, type PeriodSettlementSettings } from './periods/period-settlement-settings';

/**
 * Settlement jobs on BullMQ: the daily settlement (maturing pending points, expiring points,
 * expiry reminders) and the period settlement (tenants' statements), their schedules, and the
 * API finance starts and follows runs and downloads statements with.
 */
@Module({})
export class SettlementModule {
  static register(settings: SettlementSettings, periods: PeriodSettlementSettings): DynamicModule {
    const queueName = settlementQueueNameOf(settings.namespace);
    const periodQueueName = periodQueueNameOf(periods.namespace);
    return {
      module: SettlementModule,
      imports: [
        MongooseModule.forFeature([
          { name: DAILY_RUN_MODEL, schema: dailyRunSchema },
          { name: EXPIRY_REMINDER_MODEL, schema: expiryReminderSchema },
          { name: PERIOD_RUN_MODEL, schema: periodRunSchema },
          { name: CLOSED_PERIOD_MODEL, schema: closedPeriodSchema },
          { name: PERIOD_STATEMENTS_MODEL, schema: periodStatementsSchema },
          { name: DUE_DAYS_BACKFILL_MODEL, schema: dueDaysBackfillSchema },
        ]),
        AccountsModule,
        LedgerModule,
        BullModule.registerQueue({ name: queueName }, { name: periodQueueName }),
      ],
      controllers: [DailyRunsController, PeriodSettlementController],
      providers: [
        { provide: SETTLEMENT_SETTINGS, useValue: settings },
        { provide: SETTLEMENT_QUEUE, useExisting: getQueueToken(queueName) },
        DailyRunsRepository,
        ExpiryRemindersRepository,
        ExpiryEvents,
        SettlementEvents,
        DailySettlementService,
        DueDaysBackfillRepository,
        DueDaysBackfill,
        DailySettlementJob,
        { provide: PERIOD_SETTLEMENT_SETTINGS, useValue: periods },
        { provide: PERIOD_SETTLEMENT_QUEUE, useExisting: getQueueToken(periodQueueName) },
        PeriodSettlementRepository,
        PeriodSettlementService,
        PeriodSettlementJob,
      ],
    };
  }
}
