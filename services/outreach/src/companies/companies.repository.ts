import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { PageRequest } from '@atrium/paging';
import type { Company } from './company.entity';
import { COMPANY_MODEL, type CompanyDocument } from './company.schema';

export interface CompanyFilter {
  /** Exact building, as recorded. */
  readonly building?: string;
}

@Injectable()
export class CompaniesRepository implements OnModuleInit {
  constructor(@InjectModel(COMPANY_MODEL) private readonly companies: Model<CompanyDocument>) {}

  async onModuleInit(): Promise<void> {
    await this.companies.syncIndexes();
  }

  /** Companies are only ever inserted (no two writers touch one document). */
  async insert(company: Company): Promise<void> {
    await this.companies.create({ ...toDocument(company) });
  }

  async findById(id: string): Promise<Company | undefined> {
    const document = await this.companies.findById(id).lean<CompanyDocument>();
    return document ? toCompany(document) : undefined;
  }

  /** One page by name (`limit` as asked: callers ask one more to see if there is a next page). */
  async list(filter: CompanyFilter, page: PageRequest): Promise<Company[]> {
    const query: FilterQuery<CompanyDocument> = {};
    if (filter.building) query.building = filter.building;
    const documents = await this.companies.find(query).sort({ nameKey: 1, _id: 1 }).skip(page.offset).limit(page.limit).lean<CompanyDocument[]>();
    return documents.map(toCompany);
  }
}

function toDocument(company: Company): CompanyDocument {
  const { id, ...fields } = company;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Omit<CompanyDocument, '_id' | 'nameKey'>;
  return { _id: id, nameKey: company.name.toLowerCase(), ...defined };
}

function toCompany(document: CompanyDocument): Company {
  return {
    id: document._id,
    name: document.name,
    building: document.building,
    ...(document.address ? { address: document.address } : {}),
    ...(document.contactName ? { contactName: document.contactName } : {}),
    ...(document.contactPhone ? { contactPhone: document.contactPhone } : {}),
    ...(document.contactEmail ? { contactEmail: document.contactEmail } : {}),
    createdAt: document.createdAt,
    createdBy: document.createdBy,
  };
}
