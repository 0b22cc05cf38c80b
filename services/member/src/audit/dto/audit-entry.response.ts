import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditChange, type AuditEntry } from '../audit-entry.entity';

/** A field's value before or after a change: text, a number, a flag or a list of texts. */
const AUDIT_VALUE: ApiPropertyOptions = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
};

export class AuditChangeResponse {
  @ApiProperty({ example: 'phone' })
  field: string;

  @ApiProperty({ ...AUDIT_VALUE, description: 'Masked for personal fields (phone, name, birthday); null when there was none', example: '+86*******8000' })
  from: AuditChange['from'];

  @ApiProperty({ ...AUDIT_VALUE, example: '+86*******9000' })
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

  @ApiPropertyOptional({ format: 'uuid', description: 'The record the entry belongs to when it is not this member\'s own: a record merged into it' })
  fromMemberId?: string;

  static of(entry: AuditEntry & { readonly fromMemberId?: string }): AuditEntryResponse {
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      staffId: entry.staffId,
      staffRoles: [...(entry.staffRoles ?? [])],
      action: entry.action,
      changes: (entry.changes ?? []).map((change) => ({ field: change.field, from: change.from ?? null, to: change.to ?? null })),
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.fromMemberId ? { fromMemberId: entry.fromMemberId } : {}),
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
