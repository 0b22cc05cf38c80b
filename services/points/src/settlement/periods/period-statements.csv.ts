import type { StoredStatements } from './period-run.entity';

const COLUMNS = [
  'period',
  'tenantId',
  'currency',
  'pointsIssued',
  'pointsReversed',
  'netPointsIssued',
  'issuedValueMinor',
  'issuedChargeMinor',
  'fundedRedemptions',
  'fundedRedemptionPoints',
  'fundedRedemptionValueMinor',
  'fundedRedemptionTenantShareMinor',
  'netMinor',
  'lateEntries',
  'latePoints',
  'liabilityPoints',
  'liabilityValueMinor',
] as const;

/**
 * A period's statements as CSV for finance (RFC 4180, CRLF): one row per tenant, then a row
 * `centre` with the centre's totals (every redemption, centre-funded ones too) and the points
 * liability at the period's end. Amounts in minor units.
 */
export function statementsCsv(statements: StoredStatements): string {
  const { centre } = statements;
  const rows: (string | number)[][] = statements.tenants.map((t) => [
    statements.period,
    t.tenantId,
    centre.currency,
    t.pointsIssued,
    t.pointsReversed,
    t.netPointsIssued,
    t.issuedValueMinor,
    t.issuedChargeMinor,
    t.fundedRedemptions.count,
    t.fundedRedemptions.points,
    t.fundedRedemptions.valueMinor,
    t.fundedRedemptions.tenantShareMinor,
    t.netMinor,
    t.lateEntries.entries,
    t.lateEntries.points,
    '',
    '',
  ]);
  rows.push([
    statements.period,
    'centre',
    centre.currency,
    centre.netPointsIssued,
    '',
    centre.netPointsIssued,
    centre.issuedValueMinor,
    centre.tenantChargesMinor,
    centre.redemptions.count,
    centre.redemptions.points,
    centre.redemptions.valueMinor,
    centre.redemptions.tenantShareMinor,
    centre.tenantsNetMinor,
    centre.lateEntries,
    '',
    centre.liability.points,
    centre.liability.valueMinor,
  ]);
  return [COLUMNS.join(','), ...rows.map((row) => row.map(field).join(','))].join('\r\n') + '\r\n';
}

/** A field quoted when it must be; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
