import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@atrium/paging';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../corporate-programme.entity';

export class ProgrammeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;

  @ApiPropertyOptional({ example: 'acme2026', description: 'Exact code, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string;
}
