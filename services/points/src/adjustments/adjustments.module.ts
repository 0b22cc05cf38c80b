import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { LedgerModule } from '../ledger/ledger.module';
import { ADJUSTMENT_MODEL, adjustmentSchema } from './adjustment.schema';
import { ADJUSTMENT_SETTINGS, type AdjustmentSettings } from './adjustment-settings';
import { AdjustmentsController } from './adjustments.controller';
import { AdjustmentsRepository } from './adjustments.repository';
import { AdjustmentsService } from './adjustments.service';

/** Staff adjustments of points (積分調整): supervisors only, each one audited and in the ledger. */
@Module({})
export class AdjustmentsModule {
  static register(settings: AdjustmentSettings): DynamicModule {
    return {
      module: AdjustmentsModule,
      imports: [MongooseModule.forFeature([{ name: ADJUSTMENT_MODEL, schema: adjustmentSchema }]), AccountsModule, LedgerModule],
      controllers: [AdjustmentsController],
      providers: [{ provide: ADJUSTMENT_SETTINGS, useValue: settings }, AdjustmentsRepository, AdjustmentsService],
    };
  }
}
