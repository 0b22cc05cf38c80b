import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantResponse } from './dto/tenant.response';
import type { Tenant } from './tenant.entity';
import { TenantsRepository } from './tenants.repository';

/**
 * The tenants whose point-of-sale systems send sales, and whether they may earn: a read of
 * the copy the merchant-discount service's tenant events fill (tenants are registered there).
 */
@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsRepository) {}

  @Get()
  @ApiOkResponse({ type: [TenantResponse], description: 'By id' })
  async list(): Promise<Tenant[]> {
    return this.tenants.findAll();
  }
}
