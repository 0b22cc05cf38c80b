import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Redemption } from '../redemption.entity';

class FundingView {
  @ApiProperty({ enum: ['centre', 'tenant'] }) by: 'centre' | 'tenant';
  @ApiPropertyOptional() tenantId?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'The tenant\'s share in basis points (10000 = all)' }) tenantShareBasisPoints?: number;
}

class ParkingView {
  @ApiProperty({ example: '粤B12345' }) plate: string;
  @ApiProperty({ enum: ['mainland', 'mainland-new-energy', 'hong-kong', 'macau'] }) region: string;
  @ApiProperty({ type: 'integer' }) hours: number;
  @ApiProperty({ example: '2026-11-27', description: 'The centre-local day the hours are for' }) day: string;
}

class CancellationView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['staff', 'shopper', 'reservation-expired'] }) reason: string;
  @ApiPropertyOptional() staffId?: string;
  @ApiPropertyOptional() note?: string;
}

/** A redemption as staff (and the member's own list) see it. */
export class RedemptionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7M2-QX4P' }) code: string;
  @ApiProperty({ enum: ['desk', 'online'] }) channel: string;
  @ApiProperty({ enum: ['processing', 'completed', 'reserved', 'collected', 'cancelled', 'expired', 'failed'] }) status: string;
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ format: 'uuid' }) rewardId: string;
  @ApiProperty() rewardName: string;
  @ApiProperty({ enum: ['gift', 'voucher', 'parking'] }) rewardKind: string;
  @ApiProperty({ type: FundingView }) funding: FundingView;
  @ApiPropertyOptional() location?: string;
  @ApiProperty({ type: 'integer' }) quantity: number;
  @ApiProperty({ type: 'integer', description: 'Points per unit (per hour for parking)' }) pointsPrice: number;
  @ApiProperty({ type: 'integer' }) points: number;
  @ApiPropertyOptional({ type: ParkingView }) parking?: ParkingView;
  @ApiPropertyOptional({ type: [String], description: 'Voucher codes handed out' }) voucherCodes?: string[];
  @ApiProperty({ type: 'integer', description: 'The member\'s available points just after it' }) availableAfter: number;
  @ApiProperty({ format: 'date-time' }) redeemedAt: string;
  @ApiPropertyOptional() staffId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Until when staff may cancel it (desk redemptions and collected reservations)' }) cancellableUntil?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Reservations: when it expires unless collected' }) expiresAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) collectedAt?: string;
  @ApiPropertyOptional() collectedBy?: string;
  @ApiPropertyOptional({ type: CancellationView }) cancellation?: CancellationView;
  @ApiPropertyOptional({ description: 'Why an interrupted redemption was undone' }) failure?: string;
  @ApiProperty({ example: 'redeem:3b1f5d2e-8c4a-4f7e-9d1a-2b3c4d5e6f70' }) entryId: string;
  @ApiPropertyOptional({ example: 'redeem-cancel:3b1f5d2e-8c4a-4f7e-9d1a-2b3c4d5e6f70' }) cancelEntryId?: string;

  static of(redemption: Redemption, cancellableUntil?: Date): RedemptionResponse {
    const { funding, parking, voucherCodes, cancellation } = redemption;
    return {
      id: redemption.id,
      code: redemption.code,
      channel: redemption.channel,
      status: redemption.status,
      memberId: redemption.memberId,
      rewardId: redemption.rewardId,
      rewardName: redemption.rewardName,
      rewardKind: redemption.rewardKind,
      funding: funding.by === 'tenant' ? { by: 'tenant', tenantId: funding.tenantId, tenantShareBasisPoints: funding.tenantShareBasisPoints } : { by: 'centre' },
      ...(redemption.location ? { location: redemption.location } : {}),
      quantity: redemption.quantity,
      pointsPrice: redemption.pointsPrice,
      points: redemption.points,
      ...(parking ? { parking: { ...parking } } : {}),
      ...(voucherCodes ? { voucherCodes: [...voucherCodes] } : {}),
      availableAfter: redemption.availableAfter,
      redeemedAt: redemption.createdAt.toISOString(),
      ...(redemption.staffId ? { staffId: redemption.staffId } : {}),
      ...(cancellableUntil ? { cancellableUntil: cancellableUntil.toISOString() } : {}),
      ...(redemption.expiresAt ? { expiresAt: redemption.expiresAt.toISOString() } : {}),
      ...(redemption.collectedAt ? { collectedAt: redemption.collectedAt.toISOString() } : {}),
      ...(redemption.collectedBy ? { collectedBy: redemption.collectedBy } : {}),
      ...(cancellation ? { cancellation: { ...cancellation, at: cancellation.at.toISOString() } } : {}),
      ...(redemption.failure ? { failure: redemption.failure } : {}),
      entryId: redemption.entryId,
      ...(redemption.cancelEntryId ? { cancelEntryId: redemption.cancelEntryId } : {}),
    };
  }
}
