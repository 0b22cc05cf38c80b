import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@atrium/paging';
import { TENANT_ID } from '../../tenants/dto/register-tenant.dto';
import { OfferDto } from './offer.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The terms of a draft version. */
export class AgreementTermsDto {
  @ApiProperty({ example: '2027 會員優惠', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2027-01-01', description: 'First day the offers hold (centre time)' })
  @IsString()
  validFrom: string;

  @ApiProperty({ example: '2027-12-31', description: 'Last day the offers hold; not before validFrom' })
  @IsString()
  validUntil: string;

  @ApiProperty({ type: [OfferDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OfferDto)
  offers: OfferDto[];
}

export class CreateAgreementDto extends AgreementTermsDto {
  @ApiProperty({ example: 'T-0105', description: 'A tenant of the directory (400 naming tenantId when not)' })
  @Matches(TENANT_ID, { message: 'tenantId must be a tenant id such as T-0105' })
  tenantId: string;
}

export class ReturnAgreementDto {
  @ApiProperty({ maxLength: 2000, description: 'What the author is to change' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment: string;
}

/** The tenant's sign-off of the approved version. */
export class SignOffDto {
  @ApiProperty({ example: '陳大文', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  signatoryName: string;

  @ApiProperty({ example: 'store manager', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  signatoryRole: string;

  @ApiProperty({ example: '2027-01-05', pattern: DAY.source })
  @Matches(DAY, { message: 'signedOn must be a date YYYY-MM-DD' })
  signedOn: string;

  @ApiProperty({ example: 'dms://agreements/2027/T-0105.pdf', maxLength: 500, description: 'Where the scanned, signed document is kept' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  documentReference: string;

  @ApiProperty({ pattern: '^[0-9a-fA-F]{64}$', description: 'SHA-256 of the scanned document, 64 hex digits' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'documentSha256 must be a SHA-256 in 64 hex digits' })
  documentSha256: string;
}

export class TerminateAgreementDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ example: '2027-06-30', pattern: DAY.source, description: 'The last day the offers hold' })
  @Matches(DAY, { message: 'lastDay must be a date YYYY-MM-DD' })
  lastDay: string;
}

export class AgreementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'T-0105' })
  @IsOptional()
  @Matches(TENANT_ID, { message: 'tenantId must be a tenant id such as T-0105' })
  tenantId?: string;

  @ApiPropertyOptional({ example: '2027-03-01', pattern: DAY.source, description: 'Only agreements active on this day (signed, within validity, not terminated before it)' })
  @IsOptional()
  @Matches(DAY, { message: 'activeOn must be a date YYYY-MM-DD' })
  activeOn?: string;
}

export class AgreementDayQueryDto {
  @ApiPropertyOptional({ example: '2027-03-01', pattern: DAY.source, description: 'The day the state is read on; today in the centre when absent' })
  @IsOptional()
  @Matches(DAY, { message: 'day must be a date YYYY-MM-DD' })
  day?: string;
}

