import { timestampDate } from '@bufbuild/protobuf/wkt';
import { TenantStatus, type TenantState } from '@atrium/contracts';
import type { Tenant } from './tenant.entity';
import { TenantEventInvalidError } from './tenant.errors';

/** The ids purchases carry: what a till can send. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The registry's copy of a tenant from the directory's state in an event. */
export function tenantOfState(state: TenantState): Tenant {
  if (!TENANT_ID.test(state.tenantId)) throw new TenantEventInvalidError('tenant.tenantId', 'must be 1 to 64 letters, digits, ".", "_" or "-"');
  return {
    id: state.tenantId,
    name: state.brand,
    status: tradesIn(state.status) ? 'open' : 'closed',
    revision: Number(state.revision),
    // The contract requires it; the runner has checked.
    updatedAt: state.changedAt ? timestampDate(state.changedAt) : new Date(),
  };
}

/** Only a tenant that trades earns its shoppers points. */
function tradesIn(status: TenantStatus): boolean {
  switch (status) {
    case TenantStatus.OPEN:
    case TenantStatus.CLOSING:
      return true;
    case TenantStatus.FITTING_OUT:
    case TenantStatus.CLOSED:
    case TenantStatus.UNSPECIFIED:
      return false;
  }
}
