import { ConflictError, InvalidInputError, NotFoundError } from '@atrium/errors';

export class TenantNotFoundError extends NotFoundError {
  constructor(tenantId: string) {
    super('merchant.tenant-not-found', `No tenant has id ${tenantId}.`, [], { tenantId });
  }
}

/** Tenant ids are what tills send with sales: one id, one tenant. */
export class TenantIdTakenError extends ConflictError {
  constructor(tenantId: string) {
    super('merchant.tenant-id-taken', `A tenant with id ${tenantId} is registered already.`, [{ field: 'tenantId', message: 'is registered already' }], { tenantId });
  }
}

/** One unit holds one tenant that is not closed (a closed tenant's unit may be let again). */
export class UnitTakenError extends ConflictError {
  constructor(unitNumber: string, tenantId: string) {
    super('merchant.unit-taken', `Unit ${unitNumber} is held by tenant ${tenantId}.`, [{ field: 'unitNumber', message: `is held by tenant ${tenantId}, which is not closed` }], {
      unitNumber,
      tenantId,
    });
  }
}

/** A rule across fields of a tenant (dates, hours, phones) that the schema cannot state. */
export class TenantInvalidError extends InvalidInputError {
  constructor(code: string, field: string, message: string) {
    super(`merchant.${code}`, `The tenant is invalid: ${field} ${message}.`, [{ field, message }]);
  }
}
