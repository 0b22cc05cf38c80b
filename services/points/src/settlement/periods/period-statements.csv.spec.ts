import { statementsCsv } from './period-statements.csv';
import type { StoredStatements } from './period-run.entity';

describe('statements as CSV', () => {
  it('has a row per tenant and the centre\'s totals, quoting what must be quoted', () => {
    const tenant = {
      pointsIssued: 10,
      pointsReversed: 1,
      netPointsIssued: 9,
      issuedValueMinor: 9,
      issuedChargeMinor: 9,
      fundedRedemptions: { count: 1, points: 5, valueMinor: 5, tenantShareMinor: 5 },
      netMinor: 4,
      lateEntries: { entries: 0, points: 0 },
    };
    const statements: StoredStatements = {
      period: '2026-10',
      closedAt: new Date('2026-11-01T00:00:00Z'),
      runId: 'r',
      createdAt: new Date(),
      tenants: [
        { tenantId: 'shop, "A"', ...tenant },
        { tenantId: '=cmd', ...tenant },
      ],
      centre: {
        currency: 'CNY',
        netPointsIssued: 18,
        issuedValueMinor: 18,
        tenantChargesMinor: 18,
        redemptions: { count: 3, points: 20, valueMinor: 20, tenantShareMinor: 10, centreShareMinor: 10 },
        pointsMatured: 0,
        pointsExpired: 0,
        pointsAdjusted: 0,
        tenantsNetMinor: 8,
        liability: { points: 100, valueMinor: 100 },
        lateEntries: 0,
      },
    };
    const lines = statementsCsv(statements).split('\r\n');
    expect(lines[0].split(',')).toHaveLength(17);
    expect(lines[1]).toBe('2026-10,"shop, ""A""",CNY,10,1,9,9,9,1,5,5,5,4,0,0,,');
    expect(lines[2].startsWith("2026-10,'=cmd,")).toBe(true);
    expect(lines[3]).toBe('2026-10,centre,CNY,18,,18,18,18,3,20,20,10,8,0,,100,100');
    expect(lines[4]).toBe('');
  });
});
