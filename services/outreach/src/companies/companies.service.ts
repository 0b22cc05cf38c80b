import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@atrium/paging';
import { pageFrom } from '@atrium/paging';
import type { StaffActor } from '@atrium/staff-identity';
import { CompaniesRepository, type CompanyFilter } from './companies.repository';
import type { Company } from './company.entity';
import { CompanyNotFoundError } from './company.errors';
import { normalizeContactPhone } from './contact-phone';
import type { CreateCompanyDto } from './dto/create-company.dto';
import { OutreachSettings } from './outreach-settings';

@Injectable()
export class CompaniesService {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly settings: OutreachSettings,
  ) {}

  async create(input: CreateCompanyDto, actor: StaffActor): Promise<Company> {
    // Checked before anything is written: a bad phone stores nothing.
    const contactPhone = input.contactPhone ? normalizeContactPhone(input.contactPhone, this.settings.defaultRegion) : undefined;
    const company: Company = {
      id: randomUUID(),
      name: input.name.trim(),
      building: input.building.trim(),
      ...(input.address?.trim() ? { address: input.address.trim() } : {}),
      ...(input.contactName?.trim() ? { contactName: input.contactName.trim() } : {}),
      ...(contactPhone ? { contactPhone } : {}),
      ...(input.contactEmail ? { contactEmail: input.contactEmail.trim().toLowerCase() } : {}),
      createdAt: new Date(),
      createdBy: actor.staffId,
    };
    await this.companies.insert(company);
    return company;
  }

  /** The company, or a 404 naming `field` (the path's id, or a body field that refers to one). */
  async get(id: string, field?: string): Promise<Company> {
    const company = await this.companies.findById(id);
    if (!company) throw new CompanyNotFoundError(id, field);
    return company;
  }

  async list(filter: CompanyFilter, page: PageRequest): Promise<Page<Company>> {
    return pageFrom(await this.companies.list(filter, { ...page, limit: page.limit + 1 }), page);
  }
}
