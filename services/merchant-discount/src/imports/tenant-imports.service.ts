import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseCsv } from '@atrium/csv';
import { DomainError, ErrorKind } from '@atrium/errors';
import { validationFieldProblems } from '@atrium/http-problem';
import type { StaffActor } from '@atrium/staff-identity';
import { RegisterTenantDto } from '../tenants/dto/register-tenant.dto';
import { TenantsService } from '../tenants/tenants.service';
import { bodyOfRow, columnOfField, tenantRowsOfFile, type TenantImportColumn, type TenantImportRow } from './tenant-import-file';
import { TenantImportSettings } from './tenant-import-settings';

/** What is wrong with one row, by the line of the file and the column. */
export interface TenantImportProblem {
  readonly line: number;
  readonly column: TenantImportColumn | 'row';
  readonly message: string;
}

export interface TenantImportResult {
  readonly rows: number;
  /** The tenant ids registered, in the file's order. */
  readonly registered: string[];
  /** Rows not registered, each with every problem found (a row is registered whole or not at all). */
  readonly failed: TenantImportProblem[];
}

/**
 * Imports tenants from a CSV file within the request: each row is checked as the body of
 * POST /tenants is and registered as staff register one (one write with its tenant.registered
 * event), so a row is in whole or not at all and a later row repeating an earlier id or unit
 * fails as a second registration would.
 */
@Injectable()
export class TenantImportsService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly settings: TenantImportSettings,
  ) {}

  async import(csv: string, actor: StaffActor): Promise<TenantImportResult> {
    const rows = tenantRowsOfFile(parseCsv(csv, 'merchant.import-csv-invalid'), this.settings.maxRows);
    const registered: string[] = [];
    const failed: TenantImportProblem[] = [];
    for (const row of rows) {
      const outcome = await this.importRow(row, actor);
      if (typeof outcome === 'string') registered.push(outcome);
      else failed.push(...outcome);
    }
    return { rows: rows.length, registered, failed };
  }

  /** The tenant id registered, or the row's problems. */
  private async importRow(row: TenantImportRow, actor: StaffActor): Promise<string | TenantImportProblem[]> {
    const reading = bodyOfRow(row);
    if (!reading.ok) return [{ line: row.line, column: reading.column, message: reading.message }];
    const body = plainToInstance(RegisterTenantDto, reading.body);
    const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) return validationFieldProblems(errors).map((problem) => ({ line: row.line, column: columnOfField(problem.field), message: problem.message }));
    try {
      return (await this.tenants.register(body, actor)).id;
    } catch (error) {
      // A rule or a conflict is this row's; anything else (the database gone) stops the import.
      if (!(error instanceof DomainError) || (error.kind !== ErrorKind.InvalidInput && error.kind !== ErrorKind.Conflict)) throw error;
      const fields = error.fields.length > 0 ? error.fields : [{ field: 'row', message: error.message }];
      return fields.map((problem) => ({ line: row.line, column: columnOfField(problem.field), message: problem.message }));
    }
  }
}
