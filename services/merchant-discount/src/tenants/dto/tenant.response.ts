import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TENANT_CATEGORIES, TENANT_STATUSES, type Tenant } from '../tenant.entity';
import { OpeningHoursDto, StatusDatesDto, TenantContactDto } from './tenant-parts.dto';

export class TenantResponse {
  @ApiProperty({ example: 'T-0105' })
  tenantId: string;

  @ApiProperty()
  brand: string;

  @ApiProperty()
  legalName: string;

  @ApiProperty({ example: 'L1-05' })
  unitNumber: string;

  @ApiProperty({ example: 'L1' })
  floor: string;

  @ApiPropertyOptional()
  zone?: string;

  @ApiProperty({ enum: TENANT_CATEGORIES })
  category: string;

  @ApiProperty({ type: [TenantContactDto], description: 'Phones in E.164' })
  contacts: TenantContactDto[];

  @ApiProperty({ type: [OpeningHoursDto] })
  openingHours: OpeningHoursDto[];

  @ApiProperty({ enum: TENANT_STATUSES })
  status: string;

  @ApiProperty({ type: StatusDatesDto })
  statusDates: StatusDatesDto;

  @ApiProperty({ description: '1 when registered, one more with every change (the events carry it)' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Staff username' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'Staff username' })
  updatedBy: string;

  static of(tenant: Tenant): TenantResponse {
    return {
      tenantId: tenant.id,
      brand: tenant.brand,
      legalName: tenant.legalName,
      unitNumber: tenant.unitNumber,
      floor: tenant.floor,
      ...(tenant.zone ? { zone: tenant.zone } : {}),
      category: tenant.category,
      contacts: tenant.contacts.map((contact) => ({ ...contact })),
      openingHours: tenant.openingHours.map((line) => ({ days: [...line.days], opens: line.opens, closes: line.closes })),
      status: tenant.status,
      statusDates: { ...tenant.statusDates },
      revision: tenant.revision,
      createdAt: tenant.createdAt.toISOString(),
      createdBy: tenant.createdBy,
      updatedAt: tenant.updatedAt.toISOString(),
      updatedBy: tenant.updatedBy,
    };
  }
}

export class TenantPageResponse {
  @ApiProperty({ type: [TenantResponse] })
  items: TenantResponse[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ description: 'Whether a next page has anything' })
  hasMore: boolean;
}
