import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { pageOf } from '@atrium/paging';
import type { StaffActor } from '@atrium/staff-identity';
import { Staff } from '../staff/staff-actor.decorator';
import { ChangeTenantDto } from './dto/change-tenant.dto';
import { RegisterTenantDto } from './dto/register-tenant.dto';
import { TenantQueryDto } from './dto/tenant-query.dto';
import { TenantPageResponse, TenantResponse } from './dto/tenant.response';
import { TenantsService } from './tenants.service';

const RULES = 'A field breaks its rule, a contact phone is no valid number (contacts.<n>.phone), status dates out of order (statusDates.<date>), a day in two lines of openingHours';

/** The tenant directory: owned here; other services learn tenants by its events. */
@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: TenantResponse, description: 'Registered (revision 1); tenant.registered is published' })
  @ApiBadRequestResponse({ description: RULES })
  @ApiConflictResponse({ description: 'tenantId is registered already, or unitNumber is held by a tenant that is not closed' })
  async register(@Body() body: RegisterTenantDto, @Staff() actor: StaffActor): Promise<TenantResponse> {
    return TenantResponse.of(await this.tenants.register(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: TenantPageResponse, description: 'By tenant id' })
  async list(@Query() query: TenantQueryDto): Promise<TenantPageResponse> {
    const filter = {
      ...(query.category ? { category: query.category } : {}),
      ...(query.floor ? { floor: query.floor } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const { items, ...page } = await this.tenants.list(filter, pageOf(query));
    return { items: items.map((tenant) => TenantResponse.of(tenant)), ...page };
  }

  @Get(':tenantId')
  @ApiOkResponse({ type: TenantResponse })
  @ApiNotFoundResponse({ description: 'No tenant has this id' })
  async get(@Param('tenantId') tenantId: string): Promise<TenantResponse> {
    return TenantResponse.of(await this.tenants.get(tenantId));
  }

  @Patch(':tenantId')
  @ApiOkResponse({ type: TenantResponse, description: 'A change that changes something gets the next revision and publishes tenant.changed (tenant.closed when it closes the tenant)' })
  @ApiBadRequestResponse({ description: RULES })
  @ApiNotFoundResponse({ description: 'No tenant has this id' })
  @ApiConflictResponse({ description: 'unitNumber is held by another tenant that is not closed' })
  async change(@Param('tenantId') tenantId: string, @Body() body: ChangeTenantDto, @Staff() actor: StaffActor): Promise<TenantResponse> {
    return TenantResponse.of(await this.tenants.change(tenantId, body, actor));
  }
}
