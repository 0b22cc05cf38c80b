import { ApiProperty } from '@nestjs/swagger';
import { TENANT_IMPORT_COLUMNS } from '../tenant-import-file';

export class TenantImportProblemResponse {
  @ApiProperty({ description: 'The line of the file the row starts on (the header is line 1)' })
  line: number;

  @ApiProperty({ enum: [...TENANT_IMPORT_COLUMNS, 'row'], description: 'The column at fault; row: the row as a whole' })
  column: string;

  @ApiProperty()
  message: string;
}

export class TenantImportResponse {
  @ApiProperty({ description: 'Data rows in the file' })
  rows: number;

  @ApiProperty({ type: [String], description: 'Tenant ids registered (each with its tenant.registered event), in the file\'s order' })
  registered: string[];

  @ApiProperty({ type: [TenantImportProblemResponse], description: 'Every problem of every row not registered; such a row left nothing behind' })
  failed: TenantImportProblemResponse[];
}
