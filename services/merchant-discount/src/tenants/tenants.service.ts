import { Injectable } from '@nestjs/common';
import { pageFrom, type Page, type PageRequest } from '@atrium/paging';
import type { StaffActor } from '@atrium/staff-identity';
import type { OpeningHours, StatusDates, Tenant, TenantCategory, TenantContact, TenantStatus } from './tenant.entity';
import { TenantNotFoundError } from './tenant.errors';
import { TenantEvents } from './tenant-events';
import { changedFields, checkOpeningHours, checkStatusDates, normalizeContacts, normalizeUnitNumber } from './tenant-rules';
import { TenantSettings } from './tenant-settings';
import { TenantsRepository, type TenantFilter } from './tenants.repository';

/** The fields of a tenant staff set, as the API and the CSV import take them. */
export interface TenantFields {
  readonly brand: string;
  readonly legalName: string;
  readonly unitNumber: string;
  readonly floor: string;
  /** Empty or absent: no zone. */
  readonly zone?: string;
  readonly category: TenantCategory;
  readonly contacts?: readonly TenantContact[];
  readonly openingHours?: readonly OpeningHours[];
  /** open when absent at registration. */
  readonly status?: TenantStatus;
  readonly statusDates?: StatusDates;
}

export interface NewTenant extends TenantFields {
  readonly tenantId: string;
}

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly events: TenantEvents,
    private readonly settings: TenantSettings,
  ) {}

  /** Adds a tenant (revision 1) and announces it with tenant.registered, in one write. */
  async register(input: NewTenant, actor: StaffActor): Promise<Tenant> {
    const now = new Date();
    const tenant = this.checked({
      id: input.tenantId,
      ...this.fieldsOf(input),
      status: input.status ?? 'open',
      revision: 1,
      createdAt: now,
      createdBy: actor.staffId,
      updatedAt: now,
      updatedBy: actor.staffId,
    });
    await this.tenants.insert(tenant, [this.events.registered(tenant)]);
    return tenant;
  }

  /**
   * Changes the fields given; a change that changes nothing writes and announces nothing.
   * Closing publishes tenant.closed, any other change tenant.changed, with the next revision.
   */
  async change(id: string, edit: Partial<TenantFields>, actor: StaffActor): Promise<Tenant> {
    return this.tenants.change(id, (current) => {
      const { zone: _zone, ...rest } = current;
      const zone = edit.zone === undefined ? current.zone : edit.zone.trim() || undefined;
      const candidate = this.checked({
        ...rest,
        ...(edit.brand !== undefined ? { brand: edit.brand.trim() } : {}),
        ...(edit.legalName !== undefined ? { legalName: edit.legalName.trim() } : {}),
        ...(edit.unitNumber !== undefined ? { unitNumber: normalizeUnitNumber(edit.unitNumber) } : {}),
        ...(edit.floor !== undefined ? { floor: edit.floor.toUpperCase() } : {}),
        ...(zone ? { zone } : {}),
        ...(edit.category !== undefined ? { category: edit.category } : {}),
        ...(edit.contacts !== undefined ? { contacts: normalizeContacts(edit.contacts, this.settings.phoneRegion) } : {}),
        ...(edit.openingHours !== undefined ? { openingHours: edit.openingHours.map(copyHours) } : {}),
        ...(edit.status !== undefined ? { status: edit.status } : {}),
        ...(edit.statusDates !== undefined ? { statusDates: { ...edit.statusDates } } : {}),
      });
      const changed = changedFields(current, candidate);
      if (changed.length === 0) return undefined;
      const tenant: Tenant = { ...candidate, revision: current.revision + 1, updatedAt: new Date(), updatedBy: actor.staffId };
      return { tenant, events: [this.events.changed(tenant, current.status, changed)] };
    });
  }

  async get(id: string): Promise<Tenant> {
    const tenant = await this.tenants.findById(id);
    if (!tenant) throw new TenantNotFoundError(id);
    return tenant;
  }

  async list(filter: TenantFilter, page: PageRequest): Promise<Page<Tenant>> {
    const query = filter.floor ? { ...filter, floor: filter.floor.toUpperCase() } : filter;
    return pageFrom(await this.tenants.list(query, { ...page, limit: page.limit + 1 }), page);
  }

  private fieldsOf(input: TenantFields): Omit<Tenant, 'id' | 'status' | 'revision' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> {
    const zone = input.zone?.trim();
    return {
      brand: input.brand.trim(),
      legalName: input.legalName.trim(),
      unitNumber: normalizeUnitNumber(input.unitNumber),
      floor: input.floor.toUpperCase(),
      ...(zone ? { zone } : {}),
      category: input.category,
      contacts: normalizeContacts(input.contacts ?? [], this.settings.phoneRegion),
      openingHours: (input.openingHours ?? []).map(copyHours),
      statusDates: { ...input.statusDates },
    };
  }

  /** The rules across fields, checked before anything is written. */
  private checked(tenant: Tenant): Tenant {
    checkStatusDates(tenant.statusDates);
    checkOpeningHours(tenant.openingHours);
    return tenant;
  }
}

function copyHours(line: OpeningHours): OpeningHours {
  return { days: [...line.days], opens: line.opens, closes: line.closes };
}
