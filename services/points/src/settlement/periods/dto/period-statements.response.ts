import { ApiProperty } from '@nestjs/swagger';

const int = { type: 'integer' } as const;

export class FundedRedemptionsView {
  @ApiProperty(int) count: number;
  @ApiProperty(int) points: number;
  @ApiProperty(int) valueMinor: number;
  @ApiProperty(int) tenantShareMinor: number;
}

export class TenantLateEntriesView {
  @ApiProperty(int) entries: number;
  @ApiProperty(int) points: number;
}

export class TenantStatementView {
  @ApiProperty() tenantId: string;
  @ApiProperty(int) pointsIssued: number;
  @ApiProperty(int) pointsReversed: number;
  @ApiProperty(int) netPointsIssued: number;
  @ApiProperty(int) issuedValueMinor: number;
  @ApiProperty(int) issuedChargeMinor: number;
  @ApiProperty({ type: FundedRedemptionsView }) fundedRedemptions: FundedRedemptionsView;
  @ApiProperty(int) netMinor: number;
  @ApiProperty({ type: TenantLateEntriesView, description: 'Entries of the period recorded after it closed' }) lateEntries: TenantLateEntriesView;
}

export class CentreRedemptionsView extends FundedRedemptionsView {
  @ApiProperty(int) centreShareMinor: number;
}

export class LiabilityView {
  @ApiProperty(int) points: number;
  @ApiProperty(int) valueMinor: number;
}

export class CentreTotalsView {
  @ApiProperty() currency: string;
  @ApiProperty(int) netPointsIssued: number;
  @ApiProperty(int) issuedValueMinor: number;
  @ApiProperty(int) tenantChargesMinor: number;
  @ApiProperty({ type: CentreRedemptionsView }) redemptions: CentreRedemptionsView;
  @ApiProperty(int) pointsMatured: number;
  @ApiProperty(int) pointsExpired: number;
  @ApiProperty(int) pointsAdjusted: number;
  @ApiProperty(int) tenantsNetMinor: number;
  @ApiProperty({ type: LiabilityView, description: "At the period's end" }) liability: LiabilityView;
  @ApiProperty(int) lateEntries: number;
}

/** GET /settlement/periods/{period}/statements: the statements stored by the run that closed the period. */
export class PeriodStatementsResponse {
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty({ format: 'date-time', description: 'Entries recorded from this instant on count in a later period' }) closedAt: string;
  @ApiProperty() runId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [TenantStatementView] }) tenants: TenantStatementView[];
  @ApiProperty({ type: CentreTotalsView }) centre: CentreTotalsView;
}
