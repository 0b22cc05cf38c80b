import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsInt, IsNotEmpty, IsOptional, IsPositive, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

const E164 = /^\+[1-9]\d{6,14}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** What a sale and a refund both carry: whose, for how much, when. */
abstract class TillLineDto {
  @ApiProperty({ example: 'T-0042', description: "Must be the key's own tenant" })
  @IsString()
  @IsNotEmpty()
  tenantId: string;

  @ApiPropertyOptional({ example: '7700000001', description: "The member's card; or phone; or neither for a shopper without a card" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cardNumber?: string;

  @ApiPropertyOptional({ example: '+8613912345678', description: 'E.164' })
  @IsOptional()
  @Matches(E164, { message: 'phone must be a mobile number in E.164, e.g. +8613912345678' })
  phone?: string;

  @ApiProperty({ example: 12345, description: 'Minor units (fen for CNY); a refund at most what is left of the sale' })
  @IsInt()
  @IsPositive()
  amountMinor: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  occurredAt: string;
}

/** One sale, the same fields as a PurchaseRecorded event on the purchases topic. */
export class TillSaleDto extends TillLineDto {
  @ApiProperty({ example: 'R-20261207-0001', description: 'Unique per tenant; a sale sent again is the same sale' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  receiptNumber: string;

  @ApiPropertyOptional({ example: 'dining' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;
}

/** One refund, the same fields as a PurchaseRefunded event on the purchases topic. */
export class TillRefundDto extends TillLineDto {
  @ApiProperty({ example: 'F-20261207-0001', description: 'Unique per tenant; a refund sent again is the same refund' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  refundNumber: string;

  @ApiProperty({ example: 'R-20261207-0001', description: 'The sale being refunded' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  receiptNumber: string;
}

export class TillSalesDto {
  @ApiProperty({ type: TillSaleDto, isArray: true, description: 'Accepted all together or not at all' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TillSaleDto)
  items: TillSaleDto[];
}

export class TillRefundsDto {
  @ApiProperty({ type: TillRefundDto, isArray: true, description: 'Accepted all together or not at all' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TillRefundDto)
  items: TillRefundDto[];
}

export class TillAcceptedItem {
  @ApiProperty({ example: 'R-20261207-0001', description: 'The receipt (sale) or refund number' })
  number: string;

  @ApiProperty({ description: 'The event id; the same for the same tenant and number, however often sent' })
  eventId: string;
}

export class TillAcceptedResponse {
  @ApiProperty({ type: TillAcceptedItem, isArray: true })
  accepted: TillAcceptedItem[];
}
