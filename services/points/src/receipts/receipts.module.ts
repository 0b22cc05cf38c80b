import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { EarningModule } from '../earning/earning.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RejectedPurchasesModule } from '../purchases/rejected-purchases.module';
import { TenantsModule } from '../tenants/tenants.module';
import { MemberReceiptsController } from './member-receipts.controller';
import { RECEIPT_MODEL, receiptSchema } from './receipt.schema';
import { ReceiptApprovalService } from './receipt-approval.service';
import { ReceiptFeedMatchService } from './receipt-feed-match.service';
import { RECEIPT_SETTINGS, type ReceiptSettings } from './receipt-settings';
import { ReceiptsController } from './receipts.controller';
import { ReceiptsRepository } from './receipts.repository';
import { ReceiptsService } from './receipts.service';

/**
 * Receipts (小票積分): submission, staff decisions, and approval by the tenant's feed. Exports
 * the feed's side of that approval for the purchases module; register it once and hand the
 * same module to PurchasesModule.register.
 */
@Module({})
export class ReceiptsModule {
  static register(settings: ReceiptSettings): DynamicModule {
    return {
      module: ReceiptsModule,
      imports: [
        MongooseModule.forFeature([{ name: RECEIPT_MODEL, schema: receiptSchema }]),
        AccountsModule,
        LedgerModule,
        TenantsModule,
        EarningModule,
        RejectedPurchasesModule,
      ],
      controllers: [ReceiptsController, MemberReceiptsController],
      providers: [{ provide: RECEIPT_SETTINGS, useValue: settings }, ReceiptsRepository, ReceiptApprovalService, ReceiptsService, ReceiptFeedMatchService],
      exports: [ReceiptFeedMatchService],
    };
  }
}
