import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECEIPT_STATUSES, type Receipt, type ReceiptStatus } from '../receipt.entity';

class SubmitterView {
  @ApiProperty({ enum: ['desk', 'shopper'] })
  channel: 'desk' | 'shopper';

  @ApiPropertyOptional({ description: 'The desk staff member, for desk submissions' })
  staffId?: string;
}

class ApprovalView {
  @ApiProperty({ enum: ['staff', 'feed'] })
  by: 'staff' | 'feed';

  @ApiPropertyOptional()
  staffId?: string;

  @ApiPropertyOptional({ description: 'The till\'s event that reported the same sale' })
  feedEventId?: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'earn:starbucks-l1:000123' })
  entryId: string;

  @ApiProperty({ type: 'integer' })
  points: number;

  @ApiProperty({ enum: ['receipt', 'feed'], description: 'feed: the member\'s card had earned the sale through the feed already' })
  earnedThrough: 'receipt' | 'feed';
}

class RejectionView {
  @ApiProperty()
  staffId: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

/** A receipt as staff see it. */
export class ReceiptResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  memberId: string;

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

  @ApiProperty({ type: SubmitterView })
  submittedBy: SubmitterView;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ enum: RECEIPT_STATUSES })
  status: ReceiptStatus;

  @ApiPropertyOptional({ type: ApprovalView })
  approval?: ApprovalView;

  @ApiPropertyOptional({ type: RejectionView })
  rejection?: RejectionView;

  static of(receipt: Receipt): ReceiptResponse {
    const { approval, rejection } = receipt;
    return {
      id: receipt.id,
      memberId: receipt.memberId,
      tenantId: receipt.tenantId,
      receiptNumber: receipt.receiptNumber,
      purchasedAt: receipt.purchasedAt.toISOString(),
      amountMinor: receipt.amountMinor,
      currency: receipt.currency,
      photo: receipt.photo,
      submittedBy: { ...receipt.submittedBy },
      submittedAt: receipt.submittedAt.toISOString(),
      status: receipt.status,
      ...(approval ? { approval: { ...approval, at: approval.at.toISOString() } } : {}),
      ...(rejection ? { rejection: { ...rejection, at: rejection.at.toISOString() } } : {}),
    };
  }
}
