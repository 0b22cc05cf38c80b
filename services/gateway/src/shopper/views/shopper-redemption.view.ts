import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pickFields, pickNested, withOptional } from './pick-fields';

export class ShopperParkingView {
  @ApiProperty({ example: '粤B12345' }) plate: string;
  @ApiProperty({ enum: ['mainland', 'mainland-new-energy', 'hong-kong', 'macau'] }) region: string;
  @ApiProperty({ type: 'integer' }) hours: number;
  @ApiProperty({ example: '2026-11-27' }) day: string;
}

export class ShopperCancellationView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['staff', 'shopper', 'reservation-expired'] }) reason: string;
}

/** A redemption or reservation of the shopper's: no funding terms, staff names or ledger ids. */
export class ShopperRedemptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7M2-QX4P', description: 'The code to show at the desk' }) code: string;
  @ApiProperty({ enum: ['desk', 'online'] }) channel: string;
  @ApiProperty({ enum: ['processing', 'completed', 'reserved', 'collected', 'cancelled', 'expired', 'failed'] }) status: string;
  @ApiProperty({ format: 'uuid' }) rewardId: string;
  @ApiProperty() rewardName: string;
  @ApiProperty({ enum: ['gift', 'voucher', 'parking'] }) rewardKind: string;
  @ApiPropertyOptional() location?: string;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ type: 'integer' }) pointsPrice: number;
  @ApiProperty({ type: 'integer' }) points: number;
  @ApiPropertyOptional({ type: ShopperParkingView }) parking?: ShopperParkingView;
  @ApiPropertyOptional({ type: [String] }) voucherCodes?: string[];
  @ApiProperty({ type: 'integer', description: 'Available points just after it' }) availableAfter: number;
  @ApiProperty({ format: 'date-time' }) redeemedAt: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Reservations: when it expires unless collected' }) expiresAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) collectedAt?: string;
  @ApiPropertyOptional({ type: ShopperCancellationView }) cancellation?: ShopperCancellationView;

  static of(this: void, redemption: unknown): ShopperRedemptionView {
    return {
      ...pickFields<ShopperRedemptionView>(redemption, [
        'id', 'code', 'channel', 'status', 'rewardId', 'rewardName', 'rewardKind', 'location', 'quantity', 'pointsPrice', 'points', 'voucherCodes',
        'availableAfter', 'redeemedAt', 'expiresAt', 'collectedAt',
      ]),
      ...withOptional('parking', pickNested<ShopperParkingView>(redemption, 'parking', ['plate', 'region', 'hours', 'day'])),
      ...withOptional('cancellation', pickNested<ShopperCancellationView>(redemption, 'cancellation', ['at', 'reason'])),
    };
  }
}
