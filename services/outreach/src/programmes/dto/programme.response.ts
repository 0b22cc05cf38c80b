import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROGRAMME_STATUSES, type CorporateProgramme } from '../corporate-programme.entity';

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ACME2026' })
  code: string;

  @ApiProperty({ format: 'uuid' })
  companyId: string;

  @ApiProperty()
  companyName: string;

  @ApiProperty({ format: 'date-time', description: 'Inclusive' })
  validFrom: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive; absent: no end' })
  validUntil?: string;

  @ApiProperty({ enum: PROGRAMME_STATUSES })
  status: string;

  @ApiProperty({ description: '1 when made, one more with every change' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Staff username' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'Staff username' })
  updatedBy: string;

  static of(programme: CorporateProgramme): ProgrammeResponse {
    return {
      id: programme.id,
      code: programme.code,
      companyId: programme.companyId,
      companyName: programme.companyName,
      validFrom: programme.validFrom.toISOString(),
      ...(programme.validUntil ? { validUntil: programme.validUntil.toISOString() } : {}),
      status: programme.status,
      revision: programme.revision,
      createdAt: programme.createdAt.toISOString(),
      createdBy: programme.createdBy,
      updatedAt: programme.updatedAt.toISOString(),
      updatedBy: programme.updatedBy,
    };
  }
}

export class ProgrammePageResponse {
  @ApiProperty({ type: [ProgrammeResponse] })
  items: ProgrammeResponse[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ description: 'Whether a next page has anything' })
  hasMore: boolean;
}
