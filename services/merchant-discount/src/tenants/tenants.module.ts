import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { MerchantDiscountConfig } from '../config/env.schema';
import { TenantImportSettings } from '../imports/tenant-import-settings';
import { TenantImportsController } from '../imports/tenant-imports.controller';
import { TenantImportsService } from '../imports/tenant-imports.service';
import { TenantEvents } from './tenant-events';
import { TENANT_MODEL, tenantSchema } from './tenant.schema';
import { TenantSettings } from './tenant-settings';
import { TenantsController } from './tenants.controller';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';

/** The tenant directory and its CSV import; its events tell other services about tenants. */
@Module({})
export class TenantsModule {
  static register(config: MerchantDiscountConfig): DynamicModule {
    return {
      module: TenantsModule,
      imports: [MongooseModule.forFeature([{ name: TENANT_MODEL, schema: tenantSchema }])],
      // The import's route first: /tenants/imports is no tenant id.
      controllers: [TenantImportsController, TenantsController],
      providers: [
        { provide: TenantSettings, useValue: new TenantSettings(config.PHONE_DEFAULT_REGION) },
        { provide: TenantImportSettings, useValue: new TenantImportSettings(config.TENANT_IMPORT_MAX_BYTES, config.TENANT_IMPORT_MAX_ROWS) },
        TenantsRepository,
        TenantsService,
        TenantEvents,
        TenantImportsService,
      ],
      exports: [TenantsService],
    };
  }
}
