import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { DocumentLocks } from '@atrium/document-locks';
import { OutboxRelay, type OutboxEntry } from '@atrium/messaging';
import type { PageRequest } from '@atrium/paging';
import type { Tenant, TenantCategory, TenantStatus } from './tenant.entity';
import { TenantIdTakenError, TenantNotFoundError, UnitTakenError } from './tenant.errors';
import { TENANT_MODEL, type TenantDocument } from './tenant.schema';

const DUPLICATE_KEY = 11000;
const COLLECTION = 'tenants';
/** Lock names of units, apart from tenant ids: a tenant takes a unit under the unit's lock. */
const UNITS = 'tenant-units';

export interface TenantFilter {
  readonly category?: TenantCategory;
  readonly floor?: string;
  readonly status?: TenantStatus;
}

/** What a change writes in one update: the tenant as it is to be and the events announcing it. */
export interface TenantChange {
  readonly tenant: Tenant;
  readonly events: readonly OutboxEntry[];
}

@Injectable()
export class TenantsRepository implements OnModuleInit {
  constructor(
    @InjectModel(TENANT_MODEL) private readonly tenants: Model<TenantDocument>,
    private readonly relay: OutboxRelay,
    private readonly locks: DocumentLocks,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.watch(this.tenants);
    await this.tenants.syncIndexes();
  }

  /**
   * Stores a new tenant with its events in one insert, under its unit's lock so two tenants
   * cannot take one unit at once; an id another tenant has is a 409, and so is a unit held by
   * a tenant that is not closed.
   */
  async insert(tenant: Tenant, events: readonly OutboxEntry[]): Promise<void> {
    await this.locks.withLocks(UNITS, [tenant.unitNumber], async () => {
      await this.checkUnitFree(tenant);
      try {
        await this.tenants.create({ ...toDocument(tenant), outbox: [...events] });
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) throw new TenantIdTakenError(tenant.id);
        throw error;
      }
    });
    this.relay.nudge();
  }

  /**
   * Changes a tenant under its lock (FerretDB v1 would lose one of two concurrent updates):
   * `decide` works out the change from what is stored now; undefined writes nothing. A change
   * that leaves the tenant holding a unit takes the unit's lock too (always after the tenant's).
   */
  async change(id: string, decide: (tenant: Tenant) => TenantChange | undefined): Promise<Tenant> {
    return this.locks.withLocks(COLLECTION, [id], async () => {
      const document = await this.tenants.findById(id, { outbox: 0 }).lean<TenantDocument>();
      if (!document) throw new TenantNotFoundError(id);
      const current = toTenant(document);
      const change = decide(current);
      if (!change) return current;
      const write = async () => {
        const { _id, zone, ...fields } = toDocument(change.tenant);
        await this.tenants.updateOne(
          { _id: id },
          {
            $set: zone === undefined ? fields : { ...fields, zone },
            ...(zone === undefined ? { $unset: { zone: 1 } } : {}),
            ...(change.events.length > 0 ? { $push: { outbox: { $each: [...change.events] } } } : {}),
          },
        );
      };
      if (change.tenant.status === 'closed') await write();
      else {
        await this.locks.withLocks(UNITS, [change.tenant.unitNumber], async () => {
          await this.checkUnitFree(change.tenant);
          await write();
        });
      }
      if (change.events.length > 0) this.relay.nudge();
      return change.tenant;
    });
  }

  async findById(id: string): Promise<Tenant | undefined> {
    const document = await this.tenants.findById(id, { outbox: 0 }).lean<TenantDocument>();
    return document ? toTenant(document) : undefined;
  }

  /** One page by id (`limit` as asked: callers ask one more to see if there is a next page). */
  async list(filter: TenantFilter, page: PageRequest): Promise<Tenant[]> {
    const query: FilterQuery<TenantDocument> = {};
    if (filter.category) query.category = filter.category;
    if (filter.floor) query.floor = filter.floor;
    if (filter.status) query.status = filter.status;
    const documents = await this.tenants.find(query, { outbox: 0 }).sort({ _id: 1 }).skip(page.offset).limit(page.limit).lean<TenantDocument[]>();
    return documents.map(toTenant);
  }

  /** A tenant that is not closed holding the unit, other than this one, refuses the write. */
  private async checkUnitFree(tenant: Tenant): Promise<void> {
    if (tenant.status === 'closed') return;
    const holders = await this.tenants.find({ unitNumber: tenant.unitNumber }, { _id: 1, status: 1 }).lean<Pick<TenantDocument, '_id' | 'status'>[]>();
    const holder = holders.find((candidate) => candidate._id !== tenant.id && candidate.status !== 'closed');
    if (holder) throw new UnitTakenError(tenant.unitNumber, holder._id);
  }
}

function toDocument(tenant: Tenant): Omit<TenantDocument, 'outbox'> {
  const { id, contacts, openingHours, ...fields } = tenant;
  return { _id: id, ...fields, contacts: contacts.map((contact) => ({ ...contact })), openingHours: openingHours.map((line) => ({ ...line, days: [...line.days] })) };
}

function toTenant(document: TenantDocument): Tenant {
  const dates = document.statusDates ?? {};
  return {
    id: document._id,
    brand: document.brand,
    legalName: document.legalName,
    unitNumber: document.unitNumber,
    floor: document.floor,
    ...(document.zone ? { zone: document.zone } : {}),
    category: document.category,
    contacts: (document.contacts ?? []).map((contact) => ({
      name: contact.name,
      ...(contact.role ? { role: contact.role } : {}),
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.email ? { email: contact.email } : {}),
    })),
    openingHours: (document.openingHours ?? []).map((line) => ({ days: [...line.days], opens: line.opens, closes: line.closes })),
    status: document.status,
    statusDates: {
      ...(dates.fittingOutFrom ? { fittingOutFrom: dates.fittingOutFrom } : {}),
      ...(dates.openedOn ? { openedOn: dates.openedOn } : {}),
      ...(dates.closingFrom ? { closingFrom: dates.closingFrom } : {}),
      ...(dates.closedOn ? { closedOn: dates.closedOn } : {}),
    },
    revision: document.revision,
    createdAt: document.createdAt,
    createdBy: document.createdBy,
    updatedAt: document.updatedAt,
    updatedBy: document.updatedBy,
  };
}
