import { Module, type DynamicModule } from '@nestjs/common';
import { AuditController } from '../audit/audit.controller';
import { CARD_PREFIX, CardSequenceRepository } from '../cards/card-sequence.repository';
import { CardsController } from '../cards/cards.controller';
import { CardsService } from '../cards/cards.service';
import type { MemberConfig } from '../config/env.schema';
import { CorporateCodesModule } from '../corporate-codes/corporate-codes.module';
import { ConsentConsumer } from '../consent/consent.consumer';
import { ConsentController } from '../consent/consent.controller';
import { ConsentService } from '../consent/consent.service';
import { LookupController } from '../lookup/lookup.controller';
import { LookupService } from '../lookup/lookup.service';
import { NotificationPreferencesController } from '../notifications/notification-preferences.controller';
import { NotificationPreferencesService } from '../notifications/notification-preferences.service';
import { ProfileController } from '../profile/profile.controller';
import { ProfileService } from '../profile/profile.service';
import { SelfSignUpController } from '../sign-up/self-sign-up.controller';
import { VerificationModule } from '../verification/verification.module';
import { MemberSettings } from './member-settings';
import { MemberStoreModule } from './member-store.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

/**
 * Everything that lives in a member's document: registration (at the desk, and the shoppers'
 * own sign-up with a verified code), profile and its audit, consent, notification preferences, cards and the desk's look-up. One document per member, so each change is one atomic write.
 */
@Module({})
export class MembersModule {
  /** One module per configuration: imports register members through it too. */
  private static readonly registered = new WeakMap<MemberConfig, DynamicModule>();

  static register(config: MemberConfig): DynamicModule {
    const existing = MembersModule.registered.get(config);
    if (existing) return existing;
    const module: DynamicModule = {
      module: MembersModule,
      imports: [MemberStoreModule, VerificationModule.register(config), CorporateCodesModule],
      controllers: [MembersController, SelfSignUpController, LookupController, ProfileController, AuditController, ConsentController, NotificationPreferencesController, CardsController, ConsentConsumer],
      providers: [
        { provide: MemberSettings, useValue: new MemberSettings(config.PHONE_DEFAULT_REGION, config.CARD_PREFIX) },
        { provide: CARD_PREFIX, useValue: config.CARD_PREFIX },
        CardSequenceRepository,
        MembersService,
        ProfileService,
        ConsentService,
        NotificationPreferencesService,
        CardsService,
        LookupService,
      ],
      // Features in other folders (verification, complaints) reach members through the store;
      // imports register members as every channel does.
      exports: [MemberStoreModule, MembersService, MemberSettings, CardSequenceRepository],
    };
    MembersModule.registered.set(config, module);
    return module;
  }
}
