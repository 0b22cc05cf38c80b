import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { readCsvBody } from '@atrium/csv';
import type { StaffActor } from '@atrium/staff-identity';
import { Staff } from '../staff/staff-actor.decorator';
import { TenantImportResponse } from './dto/tenant-import.response';
import { TENANT_IMPORT_COLUMNS } from './tenant-import-file';
import { TenantImportSettings } from './tenant-import-settings';
import { TenantImportsService } from './tenant-imports.service';

/**
 * Tenants from a CSV file: the file is the request body itself, `content-type: text/csv` in
 * UTF-8 (`curl --data-binary @tenants.csv -H 'content-type: text/csv'`).
 */
@ApiTags('tenants')
@Controller('tenants/imports')
export class TenantImportsController {
  constructor(
    private readonly imports: TenantImportsService,
    private readonly settings: TenantImportSettings,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `UTF-8 CSV with a header row of these columns: ${TENANT_IMPORT_COLUMNS.join(', ')} (tenantId, brand, legalName, unitNumber, floor and category required; openingHours like "mon-fri 10:00-22:00; sat,sun 09:30-23:00"; one contact per row)`,
    schema: { type: 'string', example: 'tenantId,brand,legalName,unitNumber,floor,category,openingHours\nT-0105,星巴克 Starbucks,星巴克企業管理有限公司,L1-05,L1,dining,daily 10:00-22:00\n' },
  })
  @ApiOkResponse({ type: TenantImportResponse, description: 'The rows registered and every problem of the rows that were not' })
  @ApiBadRequestResponse({ description: 'Not text/csv, larger than TENANT_IMPORT_MAX_BYTES, not CSV, an unknown or missing column, no rows or more than TENANT_IMPORT_MAX_ROWS' })
  async upload(@Req() request: Request, @Staff() actor: StaffActor): Promise<TenantImportResponse> {
    const csv = await readCsvBody(request, this.settings.maxBytes, 'merchant.import-body-invalid');
    return this.imports.import(csv, actor);
  }
}
