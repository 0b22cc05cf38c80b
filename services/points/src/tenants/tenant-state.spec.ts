import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { TenantStateSchema, TenantStatus } from '@atrium/contracts';
import { tenantOfState } from './tenant-state';

const state = (status: TenantStatus, tenantId = 'T-0105') =>
  create(TenantStateSchema, { tenantId, brand: '星巴克 Starbucks', legalName: 'x', unitNumber: 'L1-05', floor: 'L1', category: 'dining', status, revision: 3n, changedAt: timestampFromDate(new Date('2026-12-01T02:00:00Z')) });

describe('the registry copy of a tenant', () => {
  it('earns while the tenant trades (open, closing) and not before or after (fitting out, closed)', () => {
    expect(tenantOfState(state(TenantStatus.OPEN))).toEqual({ id: 'T-0105', name: '星巴克 Starbucks', status: 'open', revision: 3, updatedAt: new Date('2026-12-01T02:00:00Z') });
    expect(tenantOfState(state(TenantStatus.CLOSING)).status).toBe('open');
    expect(tenantOfState(state(TenantStatus.FITTING_OUT)).status).toBe('closed');
    expect(tenantOfState(state(TenantStatus.CLOSED)).status).toBe('closed');
  });

  it('refuses an id no till could send', () => {
    expect(() => tenantOfState(state(TenantStatus.OPEN, 'T 01/2'))).toThrow(expect.objectContaining({ code: 'points.tenant-event-invalid' }) as Error);
  });
});
