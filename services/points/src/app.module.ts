import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger, Metrics } from '@atrium/observability';
import { ServiceKitModule } from '@atrium/service-kit';
import { AccountsModule } from './accounts/accounts.module';
import type { PointsConfig } from './config/env.schema';
import { EarningModule } from './earning/earning.module';
import { LedgerModule } from './ledger/ledger.module';
import { PurchasesModule } from './purchases/purchases.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({})
export class AppModule {
  static register(config: PointsConfig, logger: Logger, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'points', config, logger, metrics }),
        AccountsModule,
        LedgerModule,
        TenantsModule,
        EarningModule,
        PurchasesModule.register({
          timeZone: config.TZ_CENTRE,
          returnWindowDays: config.RETURN_WINDOW_DAYS,
          maxAmountMinor: config.MAX_PURCHASE_AMOUNT_MINOR,
          clockSkewMs: config.PURCHASE_CLOCK_SKEW_SECONDS * 1000,
          refundPolicy: config.REFUND_POLICY,
        }),
      ],
    };
  }
}
