import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isJsonObject, pickFields, withOptional } from './pick-fields';

/**
 * The cause fields a shopper may see, per cause type. Staff names (staffId, approvedBy),
 * funding terms, event and run ids stay with staff; an unknown type shows its type only.
 */
const CAUSE_FIELDS: Readonly<Record<string, readonly (keyof ShopperLedgerCauseView)[]>> = {
  purchase: ['type', 'tenantId', 'receiptNumber', 'amountMinor', 'currency'],
  receipt: ['type', 'receiptId', 'tenantId', 'receiptNumber', 'amountMinor', 'currency'],
  refund: ['type', 'tenantId', 'receiptNumber', 'refundNumber', 'amountMinor', 'currency'],
  adjustment: ['type', 'reason', 'reference'],
  redemption: ['type', 'redemptionId', 'code', 'rewardId', 'rewardName', 'rewardKind', 'quantity', 'parkingHours', 'location', 'channel'],
  'redemption-cancel': ['type', 'redemptionId', 'code', 'rewardId', 'reason'],
  maturity: ['type', 'earnedAt'],
  expiry: ['type', 'expiryDate'],
};

/** Why an entry exists, in the shopper's terms; which fields are present depends on `type`. */
export class ShopperLedgerCauseView {
  @ApiProperty({ enum: Object.keys(CAUSE_FIELDS) }) type: string;
  @ApiPropertyOptional() tenantId?: string;
  @ApiPropertyOptional() receiptNumber?: string;
  @ApiPropertyOptional({ format: 'uuid' }) receiptId?: string;
  @ApiPropertyOptional() refundNumber?: string;
  @ApiPropertyOptional({ type: 'integer' }) amountMinor?: number;
  @ApiPropertyOptional() currency?: string;
  @ApiPropertyOptional({ description: 'adjustment: why, in the supervisor\'s words; redemption-cancel: staff, shopper or reservation-expired' }) reason?: string;
  @ApiPropertyOptional() reference?: string;
  @ApiPropertyOptional({ format: 'uuid' }) redemptionId?: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional({ format: 'uuid' }) rewardId?: string;
  @ApiPropertyOptional() rewardName?: string;
  @ApiPropertyOptional({ enum: ['gift', 'voucher', 'parking'] }) rewardKind?: string;
  @ApiPropertyOptional({ type: 'integer' }) quantity?: number;
  @ApiPropertyOptional({ type: 'integer' }) parkingHours?: number;
  @ApiPropertyOptional() location?: string;
  @ApiPropertyOptional({ enum: ['desk', 'online'] }) channel?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'maturity: when the points were earned' }) earnedAt?: string;
  @ApiPropertyOptional({ example: '2025-12-31', description: 'expiry: the last day the points could be spent' }) expiryDate?: string;
}

class ShopperDeltasView {
  @ApiPropertyOptional({ type: 'integer' }) available?: number;
  @ApiPropertyOptional({ type: 'integer' }) pending?: number;
  @ApiPropertyOptional({ type: 'integer' }) lifetimeEarned?: number;
  @ApiPropertyOptional({ type: 'integer' }) redeemed?: number;
  @ApiPropertyOptional({ type: 'integer' }) expired?: number;
  @ApiPropertyOptional({ type: 'integer' }) debt?: number;
}

/** A line of the shopper's points statement. */
export class ShopperLedgerEntryView {
  @ApiProperty({ example: 'earn:T001:R-1001' }) id: string;
  @ApiProperty({ enum: ['earn', 'refund', 'adjustment', 'redemption', 'redemption-cancel', 'maturity', 'expiry'] }) kind: string;
  @ApiProperty({ type: ShopperDeltasView, description: 'The signed change to each balance; absent fields are zero' }) deltas: ShopperDeltasView;
  @ApiProperty({ type: ShopperLedgerCauseView }) cause: ShopperLedgerCauseView;
  @ApiProperty({ format: 'date-time', description: 'When the sale, refund or redemption happened' }) occurredAt: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When pending points become available' }) maturesAt?: string;

  static of(this: void, entry: unknown): ShopperLedgerEntryView {
    const source = isJsonObject(entry) ? entry : {};
    const cause = isJsonObject(source.cause) ? source.cause : {};
    const causeType = typeof cause.type === 'string' ? cause.type : '';
    return {
      ...pickFields<ShopperLedgerEntryView>(source, ['id', 'kind', 'occurredAt', 'maturesAt']),
      deltas: pickFields<ShopperDeltasView>(source.deltas, ['available', 'pending', 'lifetimeEarned', 'redeemed', 'expired', 'debt']),
      ...withOptional('cause', isJsonObject(source.cause) ? pickFields<ShopperLedgerCauseView>(cause, CAUSE_FIELDS[causeType] ?? ['type']) : undefined),
    };
  }
}
