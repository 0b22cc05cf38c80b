import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { OutreachConfig } from '../config/env.schema';
import { CompaniesController } from './companies.controller';
import { CompaniesRepository } from './companies.repository';
import { CompaniesService } from './companies.service';
import { COMPANY_MODEL, companySchema } from './company.schema';
import { OutreachSettings } from './outreach-settings';

/** The companies the outreach team works with; programmes look their company up through it. */
@Module({})
export class CompaniesModule {
  /** One module per configuration: the app and the programmes import the same one. */
  private static readonly registered = new WeakMap<OutreachConfig, DynamicModule>();

  static register(config: OutreachConfig): DynamicModule {
    const existing = CompaniesModule.registered.get(config);
    if (existing) return existing;
    const module: DynamicModule = {
      module: CompaniesModule,
      imports: [MongooseModule.forFeature([{ name: COMPANY_MODEL, schema: companySchema }])],
      controllers: [CompaniesController],
      providers: [{ provide: OutreachSettings, useValue: new OutreachSettings(config.PHONE_DEFAULT_REGION) }, CompaniesRepository, CompaniesService],
      exports: [CompaniesService],
    };
    CompaniesModule.registered.set(config, module);
    return module;
  }
}
