import { Module } from '@nestjs/common';
import { TenantsConsumer } from './tenants.consumer';
import { TenantsController } from './tenants.controller';
import { TenantsRepository } from './tenants.repository';

/** The registry of tenants, filled by the directory's events, read by earning, receipts and rewards. */
@Module({
  controllers: [TenantsController, TenantsConsumer],
  providers: [TenantsRepository],
  exports: [TenantsRepository],
})
export class TenantsModule {}
