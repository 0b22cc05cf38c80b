import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvalidInputError } from '@atrium/errors';
import { PutTenantDto } from './dto/put-tenant.dto';
import { TenantResponse } from './dto/tenant.response';
import type { Tenant } from './tenant.entity';
import { TenantsRepository } from './tenants.repository';

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The tenants whose point-of-sale systems send sales, and whether they may earn. */
@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsRepository) {}

  @Put(':tenantId')
  @ApiOkResponse({ type: TenantResponse, description: 'The tenant as stored' })
  @ApiBadRequestResponse({ description: 'A tenant id that is not 1 to 64 letters, digits, ".", "_" or "-" (tenantId), or a field of the body breaks its rule' })
  async put(@Param('tenantId') tenantId: string, @Body() body: PutTenantDto): Promise<Tenant> {
    if (!TENANT_ID.test(tenantId)) {
      throw new InvalidInputError('points.tenant-id-invalid', `"${tenantId}" is not a valid tenant id.`, [
        { field: 'tenantId', message: 'must be 1 to 64 letters, digits, ".", "_" or "-"' },
      ]);
    }
    const tenant: Tenant = { id: tenantId, name: body.name.trim(), status: body.status, updatedAt: new Date() };
    await this.tenants.upsert(tenant);
    return tenant;
  }

  @Get()
  @ApiOkResponse({ type: [TenantResponse], description: 'By id' })
  async list(): Promise<Tenant[]> {
    return this.tenants.findAll();
  }
}
