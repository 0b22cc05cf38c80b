import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { findEachById, isDuplicateKey } from '@atrium/document-batches';
import type { Tenant } from './tenant.entity';

interface TenantDocument {
  _id: string;
  name: string;
  status: Tenant['status'];
  /** Absent on copies stored before the directory's events (any revision replaces them). */
  revision?: number;
  updatedAt: Date;
}

/** What applying a directory event did: stored the newer state, or nothing (an older or repeated revision). */
export type ApplyOutcome = 'applied' | 'stale';

@Injectable()
export class TenantsRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /**
   * Stores the tenant unless the copy holds this revision or a newer one: one conditional
   * upsert (a tenant's events arrive in order on its partition; the condition keeps a late or
   * repeated one from winning). A newer copy makes the upsert try an insert of the same id,
   * which the database refuses: that is the stale case.
   */
  async apply(tenant: Tenant): Promise<ApplyOutcome> {
    const { id, ...fields } = tenant;
    try {
      await this.collection().updateOne({ _id: id, $or: [{ revision: { $lt: tenant.revision } }, { revision: { $exists: false } }] }, { $set: fields }, { upsert: true });
      return 'applied';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return 'stale';
    }
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Tenant>> {
    if (ids.length === 0) return new Map();
    const documents = await findEachById(this.collection(), ids);
    return new Map([...documents].map(([id, document]) => [id, toTenant(document)]));
  }

  async findAll(): Promise<Tenant[]> {
    return (await this.collection().find().sort({ _id: 1 }).toArray()).map(toTenant);
  }

  private collection() {
    return this.connection.collection<TenantDocument>('tenants');
  }
}

function toTenant(document: TenantDocument): Tenant {
  return { id: document._id, name: document.name, status: document.status, revision: document.revision ?? 0, updatedAt: document.updatedAt };
}
