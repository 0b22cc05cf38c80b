import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

/** A sale to price without recording it: the member by card or phone, as on a till. */
export class PreviewEarningDto {
  @ApiPropertyOptional({ example: '8800000000000013' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{8,20}$/, { message: 'cardNumber must be the card\'s digits' })
  cardNumber?: string;

  @ApiPropertyOptional({ example: '+8613800138000', description: 'E.164, when there is no card' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be in E.164, e.g. +8613800138000' })
  phone?: string;

  @ApiProperty({ example: 'starbucks-l1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  tenantId: string;

  @ApiProperty({ example: 12345, description: 'Amount in minor units (fen): 12345 is 123.45 yuan', type: 'integer' })
  @IsInt()
  @Min(1)
  amountMinor: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @ApiPropertyOptional({ example: '2026-11-27T12:00:00+08:00', description: 'When the sale happens; now when absent' })
  @IsOptional()
  @IsDateString({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({ example: 'dining' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;
}
