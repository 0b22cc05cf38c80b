import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_COLUMNS } from '../import-file';
import { IMPORT_STATUSES, type ImportProgress, type ImportRow, type MemberImport } from '../member-import.entity';

export class ImportRowErrorResponse {
  @ApiProperty({ description: 'Row of the file (the header is row 1)', example: 3 })
  row: number;

  @ApiProperty({ enum: [...IMPORT_COLUMNS, 'row'], description: 'The column at fault; "row" for the row as a whole' })
  column: string;

  @ApiProperty({ example: 'must be 16 digits with a valid check digit' })
  message: string;
}

/** An import's progress and its row-level report. */
export class MemberImportResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: IMPORT_STATUSES })
  status: string;

  @ApiProperty({ enum: IMPORT_COLUMNS, isArray: true, description: 'The file\'s columns, in order' })
  columns: string[];

  @ApiProperty({ description: 'Data rows in the file' })
  totalRows: number;

  @ApiProperty({ description: 'Rows done so far' })
  processed: number;

  @ApiProperty({ description: 'Members created' })
  created: number;

  @ApiProperty({ description: 'Rows whose phone is a member\'s already (an earlier import, or a registration): nothing changed, no opening points' })
  skipped: number;

  @ApiProperty({ description: 'Rows refused by their checks (see errors)' })
  failed: number;

  @ApiProperty({ type: [ImportRowErrorResponse], description: 'Every problem of every refused row, in file order' })
  errors: ImportRowErrorResponse[];

  @ApiProperty()
  requestedBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finishedAt?: string;

  @ApiPropertyOptional()
  failure?: string;

  static of(memberImport: MemberImport, progress: ImportProgress, failedRows: readonly ImportRow[]): MemberImportResponse {
    return {
      id: memberImport.id,
      status: memberImport.status,
      columns: [...memberImport.columns],
      totalRows: memberImport.totalRows,
      ...progress,
      errors: failedRows.flatMap((row) => (row.problems ?? []).map((problem) => ({ row: row.row, column: problem.column, message: problem.message }))),
      requestedBy: memberImport.requestedBy,
      createdAt: memberImport.createdAt.toISOString(),
      ...(memberImport.startedAt ? { startedAt: memberImport.startedAt.toISOString() } : {}),
      ...(memberImport.finishedAt ? { finishedAt: memberImport.finishedAt.toISOString() } : {}),
      ...(memberImport.failure ? { failure: memberImport.failure } : {}),
    };
  }
}
