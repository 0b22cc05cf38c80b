import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EarningModule } from '../earning/earning.module';
import { LedgerModule } from '../ledger/ledger.module';
import { TenantsModule } from '../tenants/tenants.module';
import { EarningPreviewController } from './earning-preview.controller';
import { POINTS_SETTINGS, type PointsSettings } from './points-settings';
import { PurchaseIngestService } from './purchase-ingest.service';
import { PurchasesConsumer } from './purchases.consumer';
import { PurchasesController } from './purchases.controller';
import { RejectedPurchasesRepository } from './rejected-purchases.repository';

@Module({})
export class PurchasesModule {
  static register(settings: PointsSettings): DynamicModule {
    return {
      module: PurchasesModule,
      imports: [AccountsModule, LedgerModule, TenantsModule, EarningModule],
      controllers: [PurchasesController, PurchasesConsumer, EarningPreviewController],
      providers: [{ provide: POINTS_SETTINGS, useValue: settings }, PurchaseIngestService, RejectedPurchasesRepository],
    };
  }
}
