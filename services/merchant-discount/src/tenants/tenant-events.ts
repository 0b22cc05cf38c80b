import { Injectable } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { TenantChangedSchema, TenantClosedSchema, TenantRegisteredSchema, TenantStateSchema, TenantStatus as TenantStatusContract, TOPICS } from '@atrium/contracts';
import { OutboxEntryFactory, type OutboxEntry } from '@atrium/messaging';
import type { Tenant, TenantStatus } from './tenant.entity';

/**
 * The directory's events, made as outbox entries to be written with the change they announce.
 * Keyed by the tenant id, so one tenant's events stay in order; each carries the whole state
 * with its revision, and never the contacts (personal data that stays here).
 */
@Injectable()
export class TenantEvents {
  constructor(private readonly outbox: OutboxEntryFactory) {}

  registered(tenant: Tenant): OutboxEntry {
    return this.outbox.create({
      topic: TOPICS.merchantEvents,
      type: 'tenant.registered',
      schema: TenantRegisteredSchema,
      key: tenant.id,
      occurredAt: tenant.updatedAt,
      payload: { tenant: stateOf(tenant) },
    });
  }

  /** tenant.closed when the change closes the tenant, tenant.changed for any other change. */
  changed(tenant: Tenant, previousStatus: TenantStatus, changedFields: readonly string[]): OutboxEntry {
    if (tenant.status === 'closed' && previousStatus !== 'closed') {
      return this.outbox.create({
        topic: TOPICS.merchantEvents,
        type: 'tenant.closed',
        schema: TenantClosedSchema,
        key: tenant.id,
        occurredAt: tenant.updatedAt,
        payload: { tenant: stateOf(tenant) },
      });
    }
    return this.outbox.create({
      topic: TOPICS.merchantEvents,
      type: 'tenant.changed',
      schema: TenantChangedSchema,
      key: tenant.id,
      occurredAt: tenant.updatedAt,
      payload: { tenant: stateOf(tenant), changedFields: [...changedFields] },
    });
  }
}

function stateOf(tenant: Tenant): MessageInitShape<typeof TenantStateSchema> {
  return {
    tenantId: tenant.id,
    brand: tenant.brand,
    legalName: tenant.legalName,
    unitNumber: tenant.unitNumber,
    floor: tenant.floor,
    zone: tenant.zone ?? '',
    category: tenant.category,
    status: statusOf(tenant.status),
    statusDates: {
      fittingOutFrom: tenant.statusDates.fittingOutFrom ?? '',
      openedOn: tenant.statusDates.openedOn ?? '',
      closingFrom: tenant.statusDates.closingFrom ?? '',
      closedOn: tenant.statusDates.closedOn ?? '',
    },
    revision: BigInt(tenant.revision),
    changedAt: timestampFromDate(tenant.updatedAt),
  };
}

function statusOf(status: TenantStatus): TenantStatusContract {
  switch (status) {
    case 'fitting-out':
      return TenantStatusContract.FITTING_OUT;
    case 'open':
      return TenantStatusContract.OPEN;
    case 'closing':
      return TenantStatusContract.CLOSING;
    case 'closed':
      return TenantStatusContract.CLOSED;
  }
}
