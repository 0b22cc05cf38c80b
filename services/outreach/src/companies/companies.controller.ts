import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { pageOf } from '@atrium/paging';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { CompaniesService } from './companies.service';
import { CompanyQueryDto } from './dto/company-query.dto';
import { CompanyPageResponse, CompanyResponse } from './dto/company.response';
import { CreateCompanyDto } from './dto/create-company.dto';

/** Companies and office tenants around the centre (睦鄰工作). */
@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: CompanyResponse })
  async create(@Body() body: CreateCompanyDto, @Staff() actor: StaffActor): Promise<CompanyResponse> {
    return CompanyResponse.of(await this.companies.create(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: CompanyPageResponse, description: 'By name' })
  async list(@Query() query: CompanyQueryDto): Promise<CompanyPageResponse> {
    const { items, ...page } = await this.companies.list(query.building ? { building: query.building } : {}, pageOf(query));
    return { items: items.map((company) => CompanyResponse.of(company)), ...page };
  }

  @Get(':id')
  @ApiOkResponse({ type: CompanyResponse })
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<CompanyResponse> {
    return CompanyResponse.of(await this.companies.get(id));
  }
}
