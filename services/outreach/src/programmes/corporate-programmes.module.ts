import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CompaniesModule } from '../companies/companies.module';
import type { OutreachConfig } from '../config/env.schema';
import { CORPORATE_PROGRAMME_MODEL, corporateProgrammeSchema } from './corporate-programme.schema';
import { CorporateProgrammesController } from './corporate-programmes.controller';
import { CorporateProgrammesRepository } from './corporate-programmes.repository';
import { CorporateProgrammesService } from './corporate-programmes.service';
import { ProgrammeEvents } from './programme-events';

@Module({})
export class CorporateProgrammesModule {
  static register(config: OutreachConfig): DynamicModule {
    return {
      module: CorporateProgrammesModule,
      imports: [MongooseModule.forFeature([{ name: CORPORATE_PROGRAMME_MODEL, schema: corporateProgrammeSchema }]), CompaniesModule.register(config)],
      controllers: [CorporateProgrammesController],
      providers: [CorporateProgrammesRepository, CorporateProgrammesService, ProgrammeEvents],
    };
  }
}
