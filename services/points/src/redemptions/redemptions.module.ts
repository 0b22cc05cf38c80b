import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LedgerModule } from '../ledger/ledger.module';
import { MemberRedemptionsController } from './member-redemptions.controller';
import { RedemptionEvents } from './redemption-events';
import { RedemptionRecoveryService } from './redemption-recovery.service';
import { REDEMPTION_SETTINGS, type RedemptionSettings } from './redemption-settings';
import { RedemptionStoreModule } from './redemption-store.module';
import { RedemptionsController } from './redemptions.controller';
import { RedemptionsService } from './redemptions.service';
import { RewardResources } from './reward-resources';

/**
 * Redemption of rewards for points at the desk, and the machinery reservations share: taking
 * and giving back points and stock together, and finishing what a stop interrupted. `rewards`
 * is the registered RewardsModule (the same object the app imports, so one instance).
 */
@Module({})
export class RedemptionsModule {
  static register(settings: RedemptionSettings, rewards: DynamicModule): DynamicModule {
    return {
      module: RedemptionsModule,
      imports: [rewards, RedemptionStoreModule, AccountsModule, LedgerModule],
      controllers: [RedemptionsController, MemberRedemptionsController],
      providers: [{ provide: REDEMPTION_SETTINGS, useValue: settings }, RewardResources, RedemptionEvents, RedemptionsService, RedemptionRecoveryService],
      exports: [REDEMPTION_SETTINGS, RedemptionsService, RedemptionRecoveryService, RewardResources],
    };
  }
}
