import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { MerchantDiscountConfig } from '../config/env.schema';
import { AGREEMENT_MODEL, agreementSchema } from './agreement.schema';
import { AgreementSettings } from './agreement-settings';
import { AgreementsController } from './agreements.controller';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';

/** Discount agreements with the directory's tenants, their versions and approval. */
@Module({})
export class AgreementsModule {
  static register(config: MerchantDiscountConfig, tenants: DynamicModule): DynamicModule {
    return {
      module: AgreementsModule,
      imports: [MongooseModule.forFeature([{ name: AGREEMENT_MODEL, schema: agreementSchema }]), tenants],
      controllers: [AgreementsController],
      providers: [{ provide: AgreementSettings, useValue: new AgreementSettings(new Set(config.MEMBER_TIER_CODES), config.TZ_CENTRE) }, AgreementsRepository, AgreementsService],
    };
  }
}

