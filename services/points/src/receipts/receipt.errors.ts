import { ConflictError, InvalidInputError, NotFoundError } from '@atrium/errors';
import type { Receipt } from './receipt.entity';
import type { ReceiptRefusal } from './receipt-rules';

/** A receipt that breaks a rule (cut-off, minimum amount, currency, a date in the future); nothing is written. */
export class ReceiptRefusedError extends InvalidInputError {
  constructor(refusal: ReceiptRefusal) {
    super(refusal.code, `The receipt was not accepted: ${refusal.field} ${refusal.message}.`, [{ field: refusal.field, message: refusal.message }]);
  }
}

export class ReceiptNotFoundError extends NotFoundError {
  constructor(receiptId: string) {
    super('receipt.not-found', `No receipt ${receiptId}.`, [], { receiptId });
  }
}

export class ReceiptMemberUnknownError extends NotFoundError {
  constructor(memberId: string) {
    super('receipt.member-unknown', `No member ${memberId} has a points account.`, [{ field: 'memberId', message: 'no member has this id' }], { memberId });
  }
}

export class ReceiptMemberFrozenError extends ConflictError {
  constructor(memberId: string) {
    super('receipt.member-frozen', `Member ${memberId} is frozen and earns no points.`, [{ field: 'memberId', message: 'the member is frozen' }], { memberId });
  }
}

export class ReceiptTenantUnknownError extends NotFoundError {
  constructor(tenantId: string) {
    super('receipt.tenant-unknown', `Tenant ${tenantId} is not registered.`, [{ field: 'tenantId', message: 'no tenant has this id' }], { tenantId });
  }
}

export class ReceiptTenantClosedError extends ConflictError {
  constructor(tenantId: string) {
    super('receipt.tenant-closed', `Tenant ${tenantId} is closed: its sales earn no points.`, [{ field: 'tenantId', message: 'the tenant is closed' }], { tenantId });
  }
}

/** The same receipt (tenant, receipt number, day, amount) was submitted before. */
export class DuplicateReceiptError extends ConflictError {
  constructor(existing: Receipt) {
    super(
      'receipt.duplicate',
      `This receipt was submitted already as receipt ${existing.id} (${existing.status}).`,
      [{ field: 'receiptNumber', message: 'this receipt of this tenant, day and amount was submitted already' }],
      { existingReceiptId: existing.id, existingStatus: existing.status },
    );
  }
}

/** The sale earned points already (through the tenant's feed or another receipt). */
export class ReceiptAlreadyEarnedError extends ConflictError {
  constructor(tenantId: string, receiptNumber: string, entryId: string) {
    super(
      'receipt.already-earned',
      `Sale ${receiptNumber} of tenant ${tenantId} has earned points already (ledger entry ${entryId}).`,
      [{ field: 'receiptNumber', message: 'this sale has earned points already' }],
      { entryId },
    );
  }
}

export class ReceiptDailyLimitError extends ConflictError {
  constructor(limit: number, tenantId: string, day: string) {
    super(
      'receipt.daily-limit',
      `At most ${limit} receipts per member may be submitted for one tenant's purchases of one day; tenant ${tenantId} on ${day} has them.`,
      [{ field: 'purchasedAt', message: `at most ${limit} receipts of this tenant for this day` }],
      { limit, tenantId, day },
    );
  }
}

export class ReceiptNotPendingError extends ConflictError {
  constructor(receipt: Receipt) {
    super('receipt.not-pending', `Receipt ${receipt.id} is ${receipt.status} already.`, [], { receiptId: receipt.id, receiptStatus: receipt.status });
  }
}
