import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SlipLineView {
  @ApiProperty()
  description: string;

  @ApiProperty({ type: 'integer', description: 'Items, or hours for parking' })
  quantity: number;

  @ApiProperty({ type: 'integer' })
  pointsEach: number;

  @ApiProperty({ type: 'integer' })
  points: number;
}

export class SlipMemberView {
  @ApiProperty()
  memberId: string;

  @ApiPropertyOptional({ description: 'Masked but for the last four digits' })
  card?: string;

  @ApiPropertyOptional({ description: 'Masked' })
  phone?: string;
}

export class SlipParkingView {
  @ApiProperty()
  plate: string;

  @ApiProperty({ type: 'integer' })
  hours: number;

  @ApiProperty({ description: 'The centre-local day' })
  day: string;
}

export class SlipReservationView {
  @ApiPropertyOptional({ format: 'date-time' })
  expiresAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  collectedAt?: string;

  @ApiPropertyOptional()
  collectedBy?: string;
}

export class SlipCancellationView {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty()
  reason: string;

  @ApiPropertyOptional()
  staffId?: string;
}

/** GET /redemptions/{redemptionId}/receipt: what the printed slip shows. */
export class RedemptionSlipResponse {
  @ApiProperty()
  title: string;

  @ApiProperty()
  code: string;

  @ApiProperty({ enum: ['processing', 'completed', 'reserved', 'collected', 'cancelled', 'expired', 'failed'] })
  status: string;

  @ApiProperty({ enum: ['desk', 'online'] })
  channel: string;

  @ApiProperty({ format: 'date-time' })
  redeemedAt: string;

  @ApiProperty({ description: 'On the centre\'s clock, e.g. "2026-11-27 14:05"' })
  redeemedAtLocal: string;

  @ApiProperty({ example: 'Asia/Hong_Kong' })
  timeZone: string;

  @ApiPropertyOptional()
  location?: string;

  @ApiPropertyOptional({ description: 'The desk staff member' })
  servedBy?: string;

  @ApiProperty({ type: SlipMemberView })
  member: SlipMemberView;

  @ApiProperty({ type: [SlipLineView] })
  lines: SlipLineView[];

  @ApiProperty({ type: 'integer' })
  totalPoints: number;

  @ApiProperty({ type: 'integer' })
  availableAfter: number;

  @ApiPropertyOptional({ type: [String] })
  voucherCodes?: string[];

  @ApiPropertyOptional({ type: SlipParkingView })
  parking?: SlipParkingView;

  @ApiPropertyOptional({ format: 'date-time' })
  cancellableUntil?: string;

  @ApiPropertyOptional({ type: SlipReservationView, description: 'Online reservations' })
  reservation?: SlipReservationView;

  @ApiPropertyOptional({ type: SlipCancellationView })
  cancellation?: SlipCancellationView;
}
