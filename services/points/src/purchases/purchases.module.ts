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
import { RejectedPurchasesModule } from './rejected-purchases.module';

@Module({})
export class PurchasesModule {
  /**
   * `receipts` is the registered ReceiptsModule (the same object the app imports, so one
   * instance): the feed approves pending receipts of the sales it could not credit to a member.
   */
  static register(settings: PointsSettings, receipts: DynamicModule): DynamicModule {
    return {
      module: PurchasesModule,
      imports: [AccountsModule, LedgerModule, TenantsModule, EarningModule, RejectedPurchasesModule, receipts],
      controllers: [PurchasesController, PurchasesConsumer, EarningPreviewController],
      providers: [{ provide: POINTS_SETTINGS, useValue: settings }, PurchaseIngestService],
    };
  }
}
