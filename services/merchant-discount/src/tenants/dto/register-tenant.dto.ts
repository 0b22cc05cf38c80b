import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { TENANT_CATEGORIES, TENANT_STATUSES, type TenantCategory, type TenantStatus } from '../tenant.entity';
import { OpeningHoursDto, StatusDatesDto, TenantContactDto } from './tenant-parts.dto';

export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const UNIT = /^\s*[A-Za-z0-9][A-Za-z0-9-]{0,19}\s*$/;
const FLOOR = /^[A-Za-z0-9]{1,4}$/;

/** The directory's fields staff may change (everything but the id). */
export class TenantFieldsDto {
  @ApiProperty({ example: '星巴克 Starbucks', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  brand: string;

  @ApiProperty({ example: '星巴克企業管理(中國)有限公司', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  legalName: string;

  @ApiProperty({ example: 'L1-05', pattern: UNIT.source, description: 'Stored uppercase; one tenant that is not closed per unit (409 naming unitNumber)' })
  @Matches(UNIT, { message: 'unitNumber must be 1 to 20 letters, digits or "-", e.g. L1-05' })
  unitNumber: string;

  @ApiProperty({ example: 'L1', pattern: FLOOR.source })
  @Matches(FLOOR, { message: 'floor must be 1 to 4 letters or digits, e.g. B1, L1' })
  floor: string;

  @ApiPropertyOptional({ example: 'North', maxLength: 40, description: 'Empty: no zone' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  zone?: string;

  @ApiProperty({ enum: TENANT_CATEGORIES })
  @IsIn(TENANT_CATEGORIES, { message: `category must be one of ${TENANT_CATEGORIES.join(', ')}` })
  category: TenantCategory;

  @ApiPropertyOptional({ type: [TenantContactDto], maxItems: 10, description: 'Replaces the list when given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TenantContactDto)
  contacts?: TenantContactDto[];

  @ApiPropertyOptional({ type: [OpeningHoursDto], maxItems: 7, description: 'Replaces the hours when given' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto[];

  @ApiPropertyOptional({ enum: TENANT_STATUSES, description: 'open when absent at registration; closed publishes tenant.closed' })
  @IsOptional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;

  @ApiPropertyOptional({ type: StatusDatesDto, description: 'Replaces the dates when given (400 naming the date out of order)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StatusDatesDto)
  statusDates?: StatusDatesDto;
}

/** A tenant to add to the directory: tenant.registered is published. */
export class RegisterTenantDto extends TenantFieldsDto {
  @ApiProperty({ example: 'T-0105', pattern: TENANT_ID.source, description: 'The id its point-of-sale system sends with sales; unique (409 naming tenantId)' })
  @Matches(TENANT_ID, { message: 'tenantId must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit' })
  tenantId: string;
}
