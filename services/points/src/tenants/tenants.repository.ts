import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { findEachById } from '@atrium/document-batches';
import type { Tenant } from './tenant.entity';

interface TenantDocument {
  _id: string;
  name: string;
  status: Tenant['status'];
  updatedAt: Date;
}

@Injectable()
export class TenantsRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async upsert(tenant: Tenant): Promise<void> {
    const { id, ...fields } = tenant;
    await this.collection().updateOne({ _id: id }, { $set: fields }, { upsert: true });
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
  return { id: document._id, name: document.name, status: document.status, updatedAt: document.updatedAt };
}
