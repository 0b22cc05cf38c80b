import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECEIPT_STATUSES, type Receipt, type ReceiptStatus } from '../receipt.entity';

/** A receipt as its member sees it (shopper self-service): what happened to it, without staff names. */
export class MemberReceiptResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  tenantId: string;

  @ApiProperty()
  receiptNumber: string;

  @ApiProperty({ format: 'date-time' })
  purchasedAt: string;

  @ApiProperty({ type: 'integer' })
  amountMinor: number;

  @ApiProperty()
  currency: string;

  @ApiProperty()
  photo: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ enum: RECEIPT_STATUSES })
  status: ReceiptStatus;

  @ApiPropertyOptional({ type: 'integer', description: 'Points the purchase earned, once approved (pending through the return window)' })
  points?: number;

  @ApiPropertyOptional({ description: 'Why the receipt was rejected' })
  rejectionReason?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  decidedAt?: string;

  static of(receipt: Receipt): MemberReceiptResponse {
    const decidedAt = receipt.approval?.at ?? receipt.rejection?.at;
    return {
      id: receipt.id,
      tenantId: receipt.tenantId,
      receiptNumber: receipt.receiptNumber,
      purchasedAt: receipt.purchasedAt.toISOString(),
      amountMinor: receipt.amountMinor,
      currency: receipt.currency,
      photo: receipt.photo,
      submittedAt: receipt.submittedAt.toISOString(),
      status: receipt.status,
      ...(receipt.approval ? { points: receipt.approval.points } : {}),
      ...(receipt.rejection ? { rejectionReason: receipt.rejection.reason } : {}),
      ...(decidedAt ? { decidedAt: decidedAt.toISOString() } : {}),
    };
  }
}
