import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditChange, type AuditEntry } from '../audit-entry.entity';

export class AuditChangeResponse {
  @ApiProperty({ example: 'phone' })
  field: string;

  @ApiProperty({ nullable: true, description: 'Masked for personal fields (phone, name, birthday); null when there was none', example: '+86*******8000' })
  from: AuditChange['from'];

  @ApiProperty({ nullable: true, example: '+86*******9000' })
  to: AuditChange['to'];
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'Username of the staff member' })
  staffId: string;

  @ApiProperty({ type: [String] })
  staffRoles: string[];

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: string;

  @ApiProperty({ type: [AuditChangeResponse] })
  changes: AuditChangeResponse[];

  @ApiPropertyOptional()
  reason?: string;

  static of(entry: AuditEntry): AuditEntryResponse {
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      staffId: entry.staffId,
      staffRoles: [...(entry.staffRoles ?? [])],
      action: entry.action,
      changes: (entry.changes ?? []).map((change) => ({ field: change.field, from: change.from ?? null, to: change.to ?? null })),
      ...(entry.reason ? { reason: entry.reason } : {}),
    };
  }
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'Newest first' })
  items: AuditEntryResponse[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty()
  hasMore: boolean;
}
