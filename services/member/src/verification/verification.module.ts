import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { MemberConfig } from '../config/env.schema';
import { MemberStoreModule } from '../members/member-store.module';
import { CARRIER_BLOCK_MODEL, carrierBlockSchema } from './carrier-block.schema';
import { CarrierBlocksConsumer } from './carrier-blocks.consumer';
import { CarrierBlocksRepository } from './carrier-blocks.repository';
import type { VerificationSettings } from './verification.entity';
import { VERIFICATION_CODE_MODEL, verificationCodeSchema } from './verification-code.schema';
import { VerificationCodesRepository } from './verification-codes.repository';
import { VerificationController } from './verification.controller';
import { VerificationLimitsRepository } from './verification-limits.repository';
import { VERIFICATION_SETTINGS, VerificationService } from './verification.service';

type VerificationConfig = Pick<
  MemberConfig,
  | 'PHONE_DEFAULT_REGION'
  | 'VERIFICATION_CODE_TTL_SECONDS'
  | 'VERIFICATION_MAX_ATTEMPTS'
  | 'VERIFICATION_RESEND_SECONDS'
  | 'VERIFICATION_MAX_CODES_PER_PHONE_PER_HOUR'
  | 'VERIFICATION_MAX_CODES_PER_ADDRESS_PER_HOUR'
>;

/** Codes by SMS for sign-up and sign-in; exports the service the self-service sign-up uses. */
@Module({})
export class VerificationModule {
  static register(config: VerificationConfig): DynamicModule {
    const settings: VerificationSettings = {
      defaultRegion: config.PHONE_DEFAULT_REGION,
      codeTtlSeconds: config.VERIFICATION_CODE_TTL_SECONDS,
      maxAttemptsPerCode: config.VERIFICATION_MAX_ATTEMPTS,
      resendAfterSeconds: config.VERIFICATION_RESEND_SECONDS,
      maxCodesPerPhonePerHour: config.VERIFICATION_MAX_CODES_PER_PHONE_PER_HOUR,
      maxCodesPerAddressPerHour: config.VERIFICATION_MAX_CODES_PER_ADDRESS_PER_HOUR,
    };
    return {
      module: VerificationModule,
      imports: [
        MemberStoreModule,
        MongooseModule.forFeature([
          { name: VERIFICATION_CODE_MODEL, schema: verificationCodeSchema },
          { name: CARRIER_BLOCK_MODEL, schema: carrierBlockSchema },
        ]),
      ],
      controllers: [VerificationController, CarrierBlocksConsumer],
      providers: [VerificationCodesRepository, VerificationLimitsRepository, CarrierBlocksRepository, VerificationService, { provide: VERIFICATION_SETTINGS, useValue: settings }],
      exports: [VerificationService],
    };
  }
}
