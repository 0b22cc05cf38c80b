import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches, ValidateIf } from 'class-validator';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../corporate-programme.entity';
import { INSTANT, INSTANT_RULE } from './instant';

/** What staff change in a programme: only the fields given (the code never changes). */
export class EditProgrammeDto {
  @ApiPropertyOptional({ enum: PROGRAMME_STATUSES, description: 'suspended: the code signs nobody up until active again' })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: `validFrom ${INSTANT_RULE}` })
  validFrom?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-01-01T00:00:00+08:00', description: 'null removes the end' })
  // null is a value here (no end); only an absent field is left alone.
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: `validUntil ${INSTANT_RULE}` })
  validUntil?: string | null;
}
