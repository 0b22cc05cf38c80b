import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CORPORATE_PROGRAMME_MODEL, corporateProgrammeSchema } from './corporate-programme.schema';
import { CorporateCodesService } from './corporate-codes.service';
import { CorporateProgrammesConsumer } from './corporate-programmes.consumer';
import { CorporateProgrammesRepository } from './corporate-programmes.repository';

/** The copy of outreach's corporate programmes and the check of a code at registration. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CORPORATE_PROGRAMME_MODEL, schema: corporateProgrammeSchema }])],
  controllers: [CorporateProgrammesConsumer],
  providers: [CorporateProgrammesRepository, CorporateCodesService],
  exports: [CorporateCodesService],
})
export class CorporateCodesModule {}
