import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A sale or refund from a tenant's feed that was refused, and why. */
export class RejectedPurchaseView {
  @ApiProperty({ description: 'The event id' })
  eventId: string;

  @ApiProperty({ description: 'The event type' })
  type: string;

  @ApiProperty()
  tenantId: string;

  @ApiProperty()
  receiptNumber: string;

  @ApiProperty({ description: 'Why, as a code' })
  code: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  rejectedAt: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Refused sales: the amount in minor units' })
  amountMinor?: number;

  @ApiPropertyOptional()
  currency?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  occurredAt?: string;

  @ApiPropertyOptional()
  category?: string;
}
