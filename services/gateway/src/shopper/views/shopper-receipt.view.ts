import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pickFields } from './pick-fields';

/** A receipt the shopper submitted and what became of it. */
export class ShopperReceiptView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() receiptNumber: string;
  @ApiProperty({ format: 'date-time' }) purchasedAt: string;
  @ApiProperty({ type: 'integer' }) amountMinor: number;
  @ApiProperty() currency: string;
  @ApiProperty() photo: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiPropertyOptional({ type: 'integer' }) points?: number;
  @ApiPropertyOptional() rejectionReason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;

  static of(this: void, receipt: unknown): ShopperReceiptView {
    return pickFields<ShopperReceiptView>(receipt, [
      'id', 'tenantId', 'receiptNumber', 'purchasedAt', 'amountMinor', 'currency', 'photo', 'submittedAt', 'status', 'points', 'rejectionReason', 'decidedAt',
    ]);
  }
}
