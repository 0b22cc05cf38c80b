import { Module, type DynamicModule } from '@nestjs/common';
import type { SmsCampaignConfig } from '../config/env.schema';
import { DeliveryModule } from '../delivery/delivery.module';
import { MemberProjectionModule } from '../members/member-projection.module';
import { TRANSACTIONAL_SETTINGS, TransactionalMessagesService, type TransactionalSettings } from './transactional-messages.service';
import { TransactionalConsumer } from './transactional.consumer';

/** Transactional SMS on member and points events (sign-up code, welcome, points earned, redemption, expiring points), through delivery's queue. */
@Module({})
export class TransactionalModule {
  static register(config: SmsCampaignConfig): DynamicModule {
    const settings: TransactionalSettings = { signature: config.SMS_CENTRE_SIGNATURE, defaultLanguage: config.SMS_DEFAULT_LANGUAGE, timeZone: config.TZ_CENTRE };
    return {
      module: TransactionalModule,
      imports: [DeliveryModule.register(config), MemberProjectionModule.register(config)],
      controllers: [TransactionalConsumer],
      providers: [{ provide: TRANSACTIONAL_SETTINGS, useValue: settings }, TransactionalMessagesService],
    };
  }
}
