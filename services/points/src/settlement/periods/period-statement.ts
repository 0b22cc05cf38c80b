import type { LedgerEntry } from '../../ledger/ledger-entry.entity';

/** What points are worth to finance, from configuration. */
export interface PointValue {
  /** One point's value in thousandths of a minor unit (POINT_VALUE_MILLI_MINOR: 1000 = one fen a point). */
  readonly milliMinorPerPoint: number;
  readonly currency: string;
  /** The share of the value of the points its sales issue that a tenant pays, in basis points (TENANT_POINTS_FUNDING_BASIS_POINTS). */
  readonly tenantFundingBasisPoints: number;
}

/** One tenant's settlement for a period. Amounts in minor units of `currency`. */
export interface TenantStatement {
  readonly tenantId: string;
  /** Points its sales (feed and receipts) earned members in the period. */
  readonly pointsIssued: number;
  /** Points refunds of its sales took back in the period. */
  readonly pointsReversed: number;
  readonly netPointsIssued: number;
  /** netPointsIssued at the point value. */
  readonly issuedValueMinor: number;
  /** The tenant's share of issuedValueMinor: what it pays for the points its sales issued. */
  readonly issuedChargeMinor: number;
  /** Redemptions (net of cancellations) of rewards the tenant funds. */
  readonly fundedRedemptions: { readonly count: number; readonly points: number; readonly valueMinor: number; readonly tenantShareMinor: number };
  /** What the tenant owes the centre (negative: what the centre owes the tenant): the charge less its share of the rewards it funded. */
  readonly netMinor: number;
  /** Entries of earlier, closed periods recorded after their close, counted here. */
  readonly lateEntries: { readonly entries: number; readonly points: number };
}

/** The centre's totals for a period. */
export interface CentreTotals {
  readonly currency: string;
  readonly netPointsIssued: number;
  readonly issuedValueMinor: number;
  readonly tenantChargesMinor: number;
  readonly redemptions: { readonly count: number; readonly points: number; readonly valueMinor: number; readonly tenantShareMinor: number; readonly centreShareMinor: number };
  readonly pointsMatured: number;
  readonly pointsExpired: number;
  readonly pointsAdjusted: number;
  readonly tenantsNetMinor: number;
  /** Points members held (available and pending) at the period's end, and their value: the centre's outstanding liability. */
  readonly liability: { readonly points: number; readonly valueMinor: number };
  readonly lateEntries: number;
}

export interface PeriodStatements {
  readonly tenants: readonly TenantStatement[];
  readonly centre: CentreTotals;
}

interface TenantSums {
  issued: number;
  reversed: number;
  redemptions: number;
  redeemedPoints: number;
  /** Σ points × basis points of funded redemptions, rounded once at the end. */
  shareNumerator: bigint;
  lateEntries: number;
  latePoints: number;
}

type Funding = { readonly by: 'centre' | 'tenant'; readonly tenantId?: string; readonly tenantShareBasisPoints: number };

/**
 * Adds up a period's statements from the ledger, entry by entry in any order (pure). Each entry
 * comes with the period it counts in (periodOfEntry): entries of the period make the statements;
 * entries of the period and before make the liability at its end.
 */
export class PeriodStatementBuilder {
  private readonly tenants = new Map<string, TenantSums>();
  private readonly funding = new Map<string, Funding>();
  /** Cancellations of the period, settled once every redemption's funding is known. */
  private readonly cancellations: { redemptionId: string; points: number; late: boolean }[] = [];
  private liabilityPoints = 0;
  private matured = 0;
  private expired = 0;
  private adjusted = 0;
  private centreRedemptions = { count: 0, points: 0, shareNumerator: 0n };
  private lateEntries = 0;

  constructor(
    private readonly period: string,
    private readonly value: PointValue,
  ) {}

  add(entry: LedgerEntry, entryPeriod: string, occurredPeriod: string): void {
    const { cause } = entry;
    if (cause.type === 'redemption') this.funding.set(cause.redemptionId, cause.funding);
    if (entryPeriod > this.period) return;
    this.liabilityPoints += (entry.deltas.available ?? 0) + (entry.deltas.pending ?? 0);
    if (entryPeriod !== this.period) return;
    const late = occurredPeriod !== entryPeriod;
    if (late) this.lateEntries++;
    switch (cause.type) {
      case 'purchase':
      case 'receipt': {
        const sums = this.tenant(cause.tenantId);
        sums.issued += entry.deltas.lifetimeEarned ?? 0;
        if (late) this.late(sums, entry.deltas.lifetimeEarned ?? 0);
        break;
      }
      case 'refund': {
        const sums = this.tenant(cause.tenantId);
        sums.reversed -= entry.deltas.lifetimeEarned ?? 0;
        if (late) this.late(sums, entry.deltas.lifetimeEarned ?? 0);
        break;
      }
      case 'redemption':
        this.redeem(cause.funding, entry.deltas.redeemed ?? 0, 1, late);
        break;
      case 'redemption-cancel':
        this.cancellations.push({ redemptionId: cause.redemptionId, points: entry.deltas.redeemed ?? 0, late });
        break;
      case 'maturity':
        this.matured += entry.deltas.available ?? 0;
        break;
      case 'expiry':
        this.expired += entry.deltas.expired ?? 0;
        break;
      case 'adjustment':
        this.adjusted += entry.deltas.available ?? 0;
        break;
      case 'merge-out':
      case 'merge-in':
        // Points moving between two records of one person: the liability above nets them out.
        break;
    }
  }

  build(): PeriodStatements {
    for (const cancellation of this.cancellations) {
      // A cancellation gives back what its redemption took, funded as it was.
      const funding = this.funding.get(cancellation.redemptionId) ?? { by: 'centre' as const, tenantShareBasisPoints: 0 };
      this.redeem(funding, cancellation.points, -1, cancellation.late);
    }
    this.cancellations.length = 0;
    const tenants = [...this.tenants]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([tenantId, sums]) => this.statementOf(tenantId, sums));
    const redeemedPoints = this.centreRedemptions.points + tenants.reduce((sum, t) => sum + t.fundedRedemptions.points, 0);
    const tenantShareMinor = tenants.reduce((sum, t) => sum + t.fundedRedemptions.tenantShareMinor, 0);
    const redemptionValue = this.valueOf(redeemedPoints);
    const netPointsIssued = tenants.reduce((sum, t) => sum + t.netPointsIssued, 0);
    return {
      tenants,
      centre: {
        currency: this.value.currency,
        netPointsIssued,
        issuedValueMinor: this.valueOf(netPointsIssued),
        tenantChargesMinor: tenants.reduce((sum, t) => sum + t.issuedChargeMinor, 0),
        redemptions: {
          count: this.centreRedemptions.count + tenants.reduce((sum, t) => sum + t.fundedRedemptions.count, 0),
          points: redeemedPoints,
          valueMinor: redemptionValue,
          tenantShareMinor,
          centreShareMinor: redemptionValue - tenantShareMinor,
        },
        pointsMatured: this.matured,
        pointsExpired: this.expired,
        pointsAdjusted: this.adjusted,
        tenantsNetMinor: tenants.reduce((sum, t) => sum + t.netMinor, 0),
        liability: { points: this.liabilityPoints, valueMinor: this.valueOf(this.liabilityPoints) },
        lateEntries: this.lateEntries,
      },
    };
  }

  private redeem(funding: Funding, points: number, count: number, late: boolean): void {
    if (funding.by === 'tenant' && funding.tenantId) {
      const sums = this.tenant(funding.tenantId);
      sums.redemptions += count;
      sums.redeemedPoints += points;
      sums.shareNumerator += BigInt(points) * BigInt(funding.tenantShareBasisPoints);
      if (late) this.late(sums, points);
    } else {
      this.centreRedemptions.count += count;
      this.centreRedemptions.points += points;
    }
  }

  private late(sums: TenantSums, points: number): void {
    sums.lateEntries++;
    sums.latePoints += points;
  }

  private statementOf(tenantId: string, sums: TenantSums): TenantStatement {
    const netPointsIssued = sums.issued - sums.reversed;
    const issuedValueMinor = this.valueOf(netPointsIssued);
    const issuedChargeMinor = roundDiv(BigInt(netPointsIssued) * BigInt(this.value.milliMinorPerPoint) * BigInt(this.value.tenantFundingBasisPoints), 1000n * 10_000n);
    const tenantShareMinor = roundDiv(sums.shareNumerator * BigInt(this.value.milliMinorPerPoint), 1000n * 10_000n);
    return {
      tenantId,
      pointsIssued: sums.issued,
      pointsReversed: sums.reversed,
      netPointsIssued,
      issuedValueMinor,
      issuedChargeMinor,
      fundedRedemptions: { count: sums.redemptions, points: sums.redeemedPoints, valueMinor: this.valueOf(sums.redeemedPoints), tenantShareMinor },
      netMinor: issuedChargeMinor - tenantShareMinor,
      lateEntries: { entries: sums.lateEntries, points: sums.latePoints },
    };
  }

  private tenant(tenantId: string): TenantSums {
    let sums = this.tenants.get(tenantId);
    if (!sums) {
      sums = { issued: 0, reversed: 0, redemptions: 0, redeemedPoints: 0, shareNumerator: 0n, lateEntries: 0, latePoints: 0 };
      this.tenants.set(tenantId, sums);
    }
    return sums;
  }

  private valueOf(points: number): number {
    return roundDiv(BigInt(points) * BigInt(this.value.milliMinorPerPoint), 1000n);
  }
}

/** numerator / denominator rounded half away from zero, in exact integers. */
function roundDiv(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return Number(negative ? -rounded : rounded);
}
