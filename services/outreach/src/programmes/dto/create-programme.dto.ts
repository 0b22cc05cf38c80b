import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { INSTANT, INSTANT_RULE } from './instant';

/** A corporate member programme for a company: its employees sign up with the code. */
export class CreateProgrammeDto {
  @ApiProperty({ format: 'uuid', description: 'The company (404 naming companyId when unknown)' })
  @IsUUID()
  companyId: string;

  @ApiPropertyOptional({
    example: 'ACME2026',
    description: '4 to 20 letters and digits, stored uppercase and unique (409 when taken); generated from the company name when absent',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\s*[A-Za-z0-9]{4,20}\s*$/, { message: 'code must be 4 to 20 letters and digits, e.g. ACME2026' })
  code?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00', description: 'First instant the code works (inclusive); now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: `validFrom ${INSTANT_RULE}` })
  validFrom?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00+08:00', description: 'First instant the code no longer works (exclusive); no end when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: `validUntil ${INSTANT_RULE}` })
  validUntil?: string;
}
