import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../../earning/dto/is-instant.decorator';

/** A receipt as the shopper or the desk hands it in. */
export class SubmitReceiptDto {
  @ApiProperty({ format: 'uuid', description: 'The member who made the purchase' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ example: 'starbucks-l1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  tenantId: string;

  @ApiProperty({ example: '000123', description: 'As printed on the receipt, and as the tenant\'s till reports it' })
  @Matches(/^\S{1,64}$/, { message: 'receiptNumber must be 1 to 64 characters without spaces' })
  receiptNumber: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-27T12:10:00+08:00', description: 'When the purchase was made, with its UTC offset' })
  @IsInstant()
  purchasedAt: string;

  @ApiProperty({ example: 12345, type: 'integer', description: 'Amount in minor units (fen): 12345 is 123.45 yuan' })
  @IsInt()
  @Min(1)
  amountMinor: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @ApiProperty({ example: 'https://files.example.com/receipts/3b1f5d2e.jpg', description: 'Where the photo of the receipt is stored (URL or storage key)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  photo: string;
}
