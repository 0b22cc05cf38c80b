import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { Logger, Metrics } from '@atrium/observability';
import { databaseNameOf, ServiceKitModule } from '@atrium/service-kit';
import { AccountsModule } from './accounts/accounts.module';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import type { PointsConfig } from './config/env.schema';
import { EarningModule } from './earning/earning.module';
import { parseExpiryPolicy } from './expiry/expiry-policy';
import { DueCalendarModule } from './ledger/due-calendar.module';
import { LedgerModule } from './ledger/ledger.module';
import { MergesModule } from './merges/merges.module';
import { OpeningPointsModule } from './opening-points/opening-points.module';
import { PurchasesModule } from './purchases/purchases.module';
import { ReceiptsModule } from './receipts/receipts.module';
import { RedemptionsModule } from './redemptions/redemptions.module';
import { ReservationsModule } from './reservations/reservations.module';
import { RewardsModule } from './rewards/rewards.module';
import { SettlementModule } from './settlement/settlement.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({})
export class AppModule {
  static register(config: PointsConfig, logger: Logger, metrics: Metrics): DynamicModule {
    // One object imported twice is one module (Nest identifies dynamic modules by reference).
    const receipts = ReceiptsModule.register({
      timeZone: config.TZ_CENTRE,
      submissionDays: config.RECEIPT_SUBMISSION_DAYS,
      minAmountMinor: config.RECEIPT_MIN_AMOUNT_MINOR,
      maxAmountMinor: config.MAX_PURCHASE_AMOUNT_MINOR,
      clockSkewMs: config.PURCHASE_CLOCK_SKEW_SECONDS * 1000,
      perTenantPerDay: config.RECEIPTS_PER_TENANT_PER_DAY,
      returnWindowDays: config.RETURN_WINDOW_DAYS,
    });
    const rewards = RewardsModule.register({ timeZone: config.TZ_CENTRE, baseTier: config.REWARDS_BASE_TIER });
    const namespace = config.MONGO_DATABASE ?? databaseNameOf('points');
    // Validated by the schema: a value it names no policy for never gets here.
    const expiryPolicy = parseExpiryPolicy(config.POINTS_EXPIRY_POLICY)!;
    const redemptions = RedemptionsModule.register(
      {
        timeZone: config.TZ_CENTRE,
        baseTier: config.REWARDS_BASE_TIER,
        cancelWindowMs: config.REDEMPTION_CANCEL_WINDOW_MINUTES * 60_000,
        reservationHoldMs: config.RESERVATION_HOLD_SECONDS * 1_000,
        sweepEveryMs: config.RESERVATION_SWEEP_SECONDS * 1_000,
        namespace,
      },
      rewards,
    );
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'points', config, logger, metrics }),
        // BullMQ needs maxRetriesPerRequest null on its connections (blocking commands wait forever).
        BullModule.forRoot({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null }, prefix: 'atrium-points' }),
        DueCalendarModule.register({ timeZone: config.TZ_CENTRE, policy: expiryPolicy }),
        AccountsModule,
        LedgerModule,
        MergesModule,
        OpeningPointsModule,
        TenantsModule,
        EarningModule,
        receipts,
        PurchasesModule.register(
          {
            timeZone: config.TZ_CENTRE,
            returnWindowDays: config.RETURN_WINDOW_DAYS,
            maxAmountMinor: config.MAX_PURCHASE_AMOUNT_MINOR,
            clockSkewMs: config.PURCHASE_CLOCK_SKEW_SECONDS * 1000,
            refundPolicy: config.REFUND_POLICY,
            maxAgeDays: config.PURCHASE_MAX_AGE_DAYS,
          },
          receipts,
        ),
        AdjustmentsModule.register({ maxPoints: config.ADJUSTMENT_MAX_POINTS }),
        rewards,
        redemptions,
        ReservationsModule.register(namespace, redemptions),
        SettlementModule.register({
          timeZone: config.TZ_CENTRE,
          expiryPolicy,
          reminderDays: config.POINTS_EXPIRY_REMINDER_DAYS,
          dailyCron: dailyCronOf(config.DAILY_SETTLEMENT_TIME),
          jobLockMs: config.SETTLEMENT_JOB_LOCK_SECONDS * 1_000,
          namespace,
        }, {
          timeZone: config.TZ_CENTRE,
          value: { milliMinorPerPoint: config.POINT_VALUE_MILLI_MINOR, currency: config.POINT_VALUE_CURRENCY, tenantFundingBasisPoints: config.TENANT_POINTS_FUNDING_BASIS_POINTS },
          cron: config.PERIOD_SETTLEMENT_CRON,
          jobLockMs: config.SETTLEMENT_JOB_LOCK_SECONDS * 1_000,
          namespace,
        }),
      ],
    };
  }
}

/** "03:30" as a cron pattern firing then every day ("30 3 * * *"), in the zone the scheduler is given. */
function dailyCronOf(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}
