import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { AccountsModule } from './accounts/accounts.module';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import type { PointsConfig } from './config/env.schema';
import { EarningModule } from './earning/earning.module';
import { LedgerModule } from './ledger/ledger.module';
import { PurchasesModule } from './purchases/purchases.module';
import { ReceiptsModule } from './receipts/receipts.module';
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
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'points', config, logger, metrics }),
        AccountsModule,
        LedgerModule,
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
          },
          receipts,
        ),
        AdjustmentsModule.register({ maxPoints: config.ADJUSTMENT_MAX_POINTS }),
      ],
    };
  }
}
