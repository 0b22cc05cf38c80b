import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WEEKDAYS, type Weekday } from '../tenant.entity';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A person at the tenant: name required; phones in any common form, stored in E.164. */
export class TenantContactDto {
  @ApiProperty({ example: '李娜', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'store manager', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  role?: string;

  @ApiPropertyOptional({ example: '+8613800138000', maxLength: 30, description: 'Any common form; without a country code it takes PHONE_DEFAULT_REGION (400 naming contacts.<n>.phone when no valid number)' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ example: 'li.na@example.com', maxLength: 200 })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;
}

/** The hours of some days of the week, local time. */
export class OpeningHoursDto {
  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['mon', 'tue', 'wed', 'thu', 'fri'], description: 'Each day in one line only' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  days: Weekday[];

  @ApiProperty({ example: '10:00', pattern: CLOCK.source })
  @Matches(CLOCK, { message: 'opens must be HH:MM (24-hour clock)' })
  opens: string;

  @ApiProperty({ example: '22:00', pattern: CLOCK.source, description: 'Before opens: after midnight' })
  @Matches(CLOCK, { message: 'closes must be HH:MM (24-hour clock)' })
  closes: string;
}

/** Dates (YYYY-MM-DD, centre time) of each status; each given date no earlier than the ones before it. */
export class StatusDatesDto {
  @ApiPropertyOptional({ example: '2026-01-15', pattern: DATE.source })
  @IsOptional()
  @Matches(DATE, { message: 'fittingOutFrom must be a date YYYY-MM-DD' })
  fittingOutFrom?: string;

  @ApiPropertyOptional({ example: '2026-03-01', pattern: DATE.source })
  @IsOptional()
  @Matches(DATE, { message: 'openedOn must be a date YYYY-MM-DD' })
  openedOn?: string;

  @ApiPropertyOptional({ example: '2027-01-01', pattern: DATE.source })
  @IsOptional()
  @Matches(DATE, { message: 'closingFrom must be a date YYYY-MM-DD' })
  closingFrom?: string;

  @ApiPropertyOptional({ example: '2027-02-01', pattern: DATE.source })
  @IsOptional()
  @Matches(DATE, { message: 'closedOn must be a date YYYY-MM-DD' })
  closedOn?: string;
}
