import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Staff } from '../staff/staff-actor.decorator';
import type { StaffActor } from '@atrium/staff-identity';
import { readCsvBody } from '@atrium/csv';
import { ImportOptionsQuery } from './dto/import-options.query';
import { MemberImportResponse } from './dto/member-import.response';
import { ImportJob } from './import.job';
import { ImportSettings } from './import-settings';
import { ImportNotFoundError } from './imports.errors';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/**
 * Imports of members from a CSV file. The file is the request body itself, `content-type:
 * text/csv` in UTF-8 (`curl --data-binary @members.csv -H 'content-type: text/csv'`): one file,
 * nothing else to send, and the gateway passes it through as it is.
 */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly rows: ImportsRepository,
    private readonly job: ImportJob,
    private readonly settings: ImportSettings,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'UTF-8 CSV with a header row: phone, name (required), cardNumber, tier, consent (granted | withdrawn | blank), openingPoints',
    schema: { type: 'string', example: 'phone,name,cardNumber,tier,consent,openingPoints\n13800138000,陳大文,,gold,granted,1200\n' },
  })
  @ApiAcceptedResponse({ type: MemberImportResponse, description: 'The file is stored and queued; follow it at GET /imports/:id' })
  @ApiBadRequestResponse({ description: 'sendWelcome not true or false; not text/csv, larger than IMPORT_MAX_BYTES, not CSV, an unknown or missing column, no rows or too many' })
  async upload(@Req() request: Request, @Query() options: ImportOptionsQuery, @Staff() actor: StaffActor): Promise<MemberImportResponse> {
    const csv = await readCsvBody(request, this.settings.maxBytes, 'member.import-body-invalid');
    const memberImport = await this.imports.accept(csv, { sendWelcome: options.sendWelcome === 'true' }, actor);
    await this.job.enqueue(memberImport);
    return MemberImportResponse.of(memberImport, { processed: 0, created: 0, skipped: 0, failed: 0 }, []);
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberImportResponse })
  @ApiNotFoundResponse({ description: 'No such import' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberImportResponse> {
    const memberImport = await this.imports.find(id);
    if (!memberImport) throw new ImportNotFoundError(id);
    const [progress, failedRows] = await Promise.all([this.rows.progress(id), this.rows.failedRows(id)]);
    return MemberImportResponse.of(memberImport, progress, failedRows);
  }
}
