import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const ENTRY_KINDS = ['earn', 'refund', 'adjustment', 'redemption', 'redemption-cancel', 'maturity', 'expiry', 'merge-out', 'merge-in', 'opening'];
const CAUSE_TYPES = ['purchase', 'receipt', 'refund', 'adjustment', 'redemption', 'redemption-cancel', 'maturity', 'expiry', 'merge-out', 'merge-in', 'opening'];

export class BalanceDeltasView {
  @ApiPropertyOptional({ type: 'integer' })
  available?: number;

  @ApiPropertyOptional({ type: 'integer' })
  pending?: number;

  @ApiPropertyOptional({ type: 'integer' })
  lifetimeEarned?: number;

  @ApiPropertyOptional({ type: 'integer' })
  redeemed?: number;

  @ApiPropertyOptional({ type: 'integer' })
  expired?: number;

  @ApiPropertyOptional({ type: 'integer' })
  debt?: number;
}

export class EarningFactorView {
  @ApiProperty()
  source: string;

  @ApiProperty()
  key: string;

  @ApiPropertyOptional({ type: 'integer' })
  permille?: number;

  @ApiPropertyOptional({ type: 'integer' })
  points?: number;
}

/** One line of a member's points history (GET /ledger/members/{memberId}/entries). */
export class LedgerEntryView {
  @ApiProperty({ description: 'Derived from its cause, e.g. earn:<tenant>:<receipt>' })
  id: string;

  @ApiProperty()
  memberId: string;

  @ApiProperty({ enum: ENTRY_KINDS })
  kind: string;

  @ApiProperty({ type: BalanceDeltasView, description: 'The signed change to each balance; absent fields are zero' })
  deltas: BalanceDeltasView;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    required: ['type'],
    properties: { type: { type: 'string', enum: CAUSE_TYPES } },
    description: 'Where the entry came from; the other fields depend on type (a sale: tenantId, receiptNumber, amountMinor, currency; an adjustment: adjustmentId, reason, staffId; a redemption: redemptionId, code, rewardId ...)',
  })
  cause: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'integer', description: 'The earning-rule version that computed an earn entry' })
  ruleVersion?: number;

  @ApiPropertyOptional({ type: [EarningFactorView] })
  factors?: EarningFactorView[];

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When pending points become available' })
  maturesAt?: string;

  @ApiPropertyOptional({ description: 'Why staff should look at this entry' })
  flag?: string;

  @ApiPropertyOptional({ description: "Set once the entry's deltas are in its account's balances for certain" })
  applied?: boolean;
}
