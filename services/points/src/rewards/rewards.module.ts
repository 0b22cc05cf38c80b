import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { RedemptionStoreModule } from '../redemptions/redemption-store.module';
import { TenantsModule } from '../tenants/tenants.module';
import { REWARD_MODEL, rewardSchema } from './reward.schema';
import { RewardCatalogueService } from './reward-catalogue.service';
import { REWARD_SETTINGS, type RewardSettings } from './reward-settings';
import { STOCK_MODEL, stockSchema } from './reward-stock.schema';
import { RewardStockRepository } from './reward-stock.repository';
import { RewardsController } from './rewards.controller';
import { RewardsRepository } from './rewards.repository';
import { RewardsService } from './rewards.service';
import { VOUCHER_CODE_MODEL, voucherCodeSchema } from './voucher-code.schema';
import { VoucherCodesRepository } from './voucher-codes.repository';

/**
 * The rewards catalogue (積分換禮目錄): gifts stocked per desk, digital vouchers with code
 * pools, parking. Exports the stores the redemptions module takes from; register it once and
 * hand the same module to RedemptionsModule.register.
 */
@Module({})
export class RewardsModule {
  static register(settings: RewardSettings): DynamicModule {
    return {
      module: RewardsModule,
      imports: [
        MongooseModule.forFeature([
          { name: REWARD_MODEL, schema: rewardSchema },
          { name: STOCK_MODEL, schema: stockSchema },
          { name: VOUCHER_CODE_MODEL, schema: voucherCodeSchema },
        ]),
        AccountsModule,
        TenantsModule,
        RedemptionStoreModule,
      ],
      controllers: [RewardsController],
      providers: [{ provide: REWARD_SETTINGS, useValue: settings }, RewardsRepository, RewardStockRepository, VoucherCodesRepository, RewardsService, RewardCatalogueService],
      exports: [RewardsRepository, RewardStockRepository, VoucherCodesRepository],
    };
  }
}
